import { redirect } from "next/navigation";
import { getCsrfToken } from "./auth";

/**
 * CSRF token for the sign-in and sign-up pages. A first-time visitor has no cookie to bind it
 * to, so they take one hop through /api/csrf; null means the browser refused that cookie.
 */
export async function csrfTokenForAnonymousForm(pagePath: string, cameBackFromCookieHop: boolean): Promise<string | null> {
  const token = await getCsrfToken();
  if (token || cameBackFromCookieHop) return token;
  redirect(`/api/csrf?next=${encodeURIComponent(pagePath)}`);
}
