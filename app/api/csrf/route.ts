import type { NextRequest } from "next/server";
import { ensurePreSessionCookie } from "@/app/_lib/auth";
import { safeReturnPath } from "@/app/_lib/validation";

/**
 * Gives a signed-out browser the pre-session cookie its sign-in and sign-up forms are bound to,
 * then sends it back. Pages cannot set cookies while rendering, hence this hop.
 */
export async function GET(request: NextRequest) {
  await ensurePreSessionCookie();
  const back = safeReturnPath(request.nextUrl.searchParams.get("next"), "/signin");
  // `cookie=1` lets the page tell "cookies are blocked" apart from "first visit" and stop redirecting.
  const location = `${back}${back.includes("?") ? "&" : "?"}cookie=1`;
  return new Response(null, { status: 303, headers: { Location: location } });
}
