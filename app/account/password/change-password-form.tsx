"use client";

import { useActionState } from "react";
import { CsrfField } from "@/app/_components/csrf-field";
import { FormField } from "@/app/_components/form-field";
import { FormStatus } from "@/app/_components/form-status";
import { changePasswordAction } from "@/app/_lib/account-actions";
import { MIN_PASSWORD_LENGTH } from "@/app/_lib/validation";

export function ChangePasswordForm({ csrfToken }: { csrfToken: string }) {
  const [state, formAction, pending] = useActionState(changePasswordAction, {});
  return (
    <form action={formAction} className="form" noValidate>
      <CsrfField token={csrfToken} />
      <FormStatus error={state.message} success={state.success} />
      <FormField
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.currentPassword}
      />
      <FormField
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        required
        minLength={MIN_PASSWORD_LENGTH}
        errors={state.fieldErrors?.newPassword}
      />
      <FormField
        name="confirmPassword"
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        required
        errors={state.fieldErrors?.confirmPassword}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Saving…" : "Change password"}
        </button>
      </div>
    </form>
  );
}
