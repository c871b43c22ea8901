import { headers } from "next/headers";
import { csrfBindingSecret } from "./auth";
import { checkMutationRequest, CSRF_FIELD, CSRF_HEADER, type MutationCheck } from "./csrf";

/** Every server action calls this first (Next's own Origin check comes on top). */
export async function checkServerAction(formData: FormData): Promise<MutationCheck> {
  const token = formData.get(CSRF_FIELD);
  return checkMutationRequest({
    headers: await headers(),
    bindingSecret: await csrfBindingSecret(),
    csrfToken: typeof token === "string" ? token : null,
  });
}

/** Every mutating route handler calls this first; a Response means "reject with this". */
export async function rejectUnlessAllowed(request: Request): Promise<Response | null> {
  const check = checkMutationRequest({
    headers: request.headers,
    bindingSecret: await csrfBindingSecret(),
    csrfToken: request.headers.get(CSRF_HEADER),
  });
  return check.ok ? null : Response.json({ error: check.reason }, { status: 403 });
}

/** Message for forms whose request failed the check (usually a page left open across sign-out). */
export const EXPIRED_FORM_MESSAGE = "This form has expired. Reload the page and try again.";
