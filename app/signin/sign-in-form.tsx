"use client";

import { useActionState } from "react";
import { CsrfField } from "@/app/_components/csrf-field";
import { FormField } from "@/app/_components/form-field";
import { FormStatus } from "@/app/_components/form-status";
import { signInAction } from "@/app/_lib/account-actions";

export function SignInForm({ csrfToken, returnTo }: { csrfToken: string; returnTo: string }) {
  const [state, formAction, pending] = useActionState(signInAction, {});
  return (
    <form action={formAction} className="form" noValidate>
      <CsrfField token={csrfToken} />
      <input type="hidden" name="next" value={returnTo} />
      <FormStatus error={state.message} />
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
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.password}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </div>
    </form>
  );
}
