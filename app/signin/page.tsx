import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CookiesRequired } from "@/app/_components/cookies-required";
import { csrfTokenForAnonymousForm } from "@/app/_lib/anonymous-forms";
import { getCurrentUser } from "@/app/_lib/auth";
import { safeReturnPath } from "@/app/_lib/validation";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; cookie?: string }> }) {
  const { next, cookie } = await searchParams;
  const returnTo = safeReturnPath(next);
  if (await getCurrentUser()) redirect(returnTo);
  const csrfToken = await csrfTokenForAnonymousForm(`/signin?next=${encodeURIComponent(returnTo)}`, cookie === "1");

  return (
    <section className="card form-card" aria-labelledby="signin-title">
      <h1 id="signin-title">Sign in</h1>
      {csrfToken ? <SignInForm csrfToken={csrfToken} returnTo={returnTo} /> : <CookiesRequired />}
      <p className="muted">
        New here? <Link href="/signup">Create an account</Link>.
      </p>
    </section>
  );
}
