"use server";
/** Server actions behind the account forms. Each checks CSRF, delegates to accounts.ts, then sets cookies. */
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import {
  CHANGE_PASSWORD_FIELDS,
  changePassword,
  type FormFailure,
  SIGN_IN_FIELDS,
  SIGN_UP_FIELDS,
  signIn,
  signUp,
} from "./accounts";
import { deleteSessionCookie, getCurrentSession, setSessionCookie } from "./auth";
import { checkServerAction, EXPIRED_FORM_MESSAGE } from "./mutation-guard";
import { invalidateSession } from "./sessions";
import { formValues, safeReturnPath } from "./validation";

export interface AccountFormState<Field extends string> extends FormFailure<Field> {
  /** What the user typed (never passwords), so a failed form keeps it. */
  values?: Partial<Record<Field, string>>;
  success?: string;
}

type SignUpField = (typeof SIGN_UP_FIELDS)[number];
type SignInField = (typeof SIGN_IN_FIELDS)[number];
type ChangePasswordField = (typeof CHANGE_PASSWORD_FIELDS)[number];

async function clientInfo() {
  const requestHeaders = await headers();
  const forwardedFor = requestHeaders.get("x-forwarded-for")?.split(",")[0].trim();
  return {
    ip: forwardedFor || requestHeaders.get("x-real-ip") || "unknown",
    userAgent: requestHeaders.get("user-agent")?.slice(0, 300) ?? null,
  };
}

export async function signUpAction(
  _previous: AccountFormState<SignUpField>,
  formData: FormData,
): Promise<AccountFormState<SignUpField>> {
  const input = formValues(formData, SIGN_UP_FIELDS);
  const values = { name: input.name, email: input.email };
  if (!(await checkServerAction(formData)).ok) return { message: EXPIRED_FORM_MESSAGE, values };

  const result = await signUp(input, (await clientInfo()).userAgent);
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values };
  await setSessionCookie(result.value.token, result.value.expiresAt);
  redirect("/dashboard");
}

export async function signInAction(
  _previous: AccountFormState<SignInField>,
  formData: FormData,
): Promise<AccountFormState<SignInField>> {
  const input = formValues(formData, SIGN_IN_FIELDS);
  const values = { email: input.email };
  if (!(await checkServerAction(formData)).ok) return { message: EXPIRED_FORM_MESSAGE, values };

  const result = await signIn(input, await clientInfo());
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values };
  await setSessionCookie(result.value.token, result.value.expiresAt);
  redirect(safeReturnPath(formData.get("next")));
}

export async function changePasswordAction(
  _previous: AccountFormState<ChangePasswordField>,
  formData: FormData,
): Promise<AccountFormState<ChangePasswordField>> {
  if (!(await checkServerAction(formData)).ok) return { message: EXPIRED_FORM_MESSAGE };
  const session = await getCurrentSession();
  if (!session) redirect("/signin?next=/account/password");

  const result = await changePassword(
    { id: session.id, userId: session.user.id },
    formValues(formData, CHANGE_PASSWORD_FIELDS),
  );
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors };
  const { otherSessionsEnded } = result.value;
  return {
    success:
      otherSessionsEnded > 0
        ? `Password changed. ${otherSessionsEnded} other session${otherSessionsEnded === 1 ? " was" : "s were"} signed out.`
        : "Password changed.",
  };
}

export async function signOutAction(formData: FormData): Promise<void> {
  const check = await checkServerAction(formData);
  if (!check.ok) throw new Error(`Sign-out refused: ${check.reason}`);
  const session = await getCurrentSession();
  if (session) await invalidateSession(session.id);
  await deleteSessionCookie();
  redirect("/");
}
