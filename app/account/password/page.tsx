import type { Metadata } from "next";
import { getCsrfToken, requireUser } from "@/app/_lib/auth";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Change password" };

export default async function ChangePasswordPage() {
  await requireUser("/account/password");
  // Signed in, so the session cookie is there to bind the token to.
  const csrfToken = (await getCsrfToken())!;
  return (
    <section className="card form-card" aria-labelledby="password-title">
      <h1 id="password-title">Change password</h1>
      <p className="muted">Changing your password signs you out everywhere else.</p>
      <ChangePasswordForm csrfToken={csrfToken} />
    </section>
  );
}
