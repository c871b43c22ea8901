import { CSRF_FIELD } from "@/app/_lib/csrf";

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}
