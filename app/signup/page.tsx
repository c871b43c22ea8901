import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CookiesRequired } from "@/app/_components/cookies-required";
import { csrfTokenForAnonymousForm } from "@/app/_lib/anonymous-forms";
import { getCurrentUser } from "@/app/_lib/auth";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ cookie?: string }> }) {
  if (await getCurrentUser()) redirect("/dashboard");
  const csrfToken = await csrfTokenForAnonymousForm("/signup", (await searchParams).cookie === "1");

  return (
    <section className="card form-card" aria-labelledby="signup-title">
      <h1 id="signup-title">Create your account</h1>
      <p className="muted">Track your progress through the lessons and keep your lab submissions.</p>
      {csrfToken ? <SignUpForm csrfToken={csrfToken} /> : <CookiesRequired />}
      <p className="muted">
        Already have an account? <Link href="/signin">Sign in</Link>.
      </p>
    </section>
  );
}
