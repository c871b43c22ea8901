"use client";

import { useActionState } from "react";
import { CsrfField } from "@/app/_components/csrf-field";
import { FormField } from "@/app/_components/form-field";
import { FormStatus } from "@/app/_components/form-status";
import { signUpAction } from "@/app/_lib/account-actions";
import { MIN_PASSWORD_LENGTH } from "@/app/_lib/validation";

export function SignUpForm({ csrfToken }: { csrfToken: string }) {
  const [state, formAction, pending] = useActionState(signUpAction, {});
  return (
    <form action={formAction} className="form" noValidate>
      <CsrfField token={csrfToken} />
      <FormStatus error={state.message} />
      <FormField
        name="name"
        label="Name"
        autoComplete="name"
        required
        defaultValue={state.values?.name}
        errors={state.fieldErrors?.name}
      />
      <FormField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <FormField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        required
        minLength={MIN_PASSWORD_LENGTH}
        errors={state.fieldErrors?.password}
      />
      <FormField
        name="confirmPassword"
        label="Confirm password"
        type="password"
        autoComplete="new-password"
        required
        errors={state.fieldErrors?.confirmPassword}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Creating account…" : "Create account"}
        </button>
      </div>
    </form>
  );
}
