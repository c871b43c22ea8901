"use client";

import Link from "next/link";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="card form-card" aria-labelledby="error-title">
      <h1 id="error-title">Something went wrong</h1>
      <p>The page could not be shown. Trying again usually helps; if it does not, come back in a minute.</p>
      {error.digest && <p className="muted">Reference: {error.digest}</p>}
      <div className="actions">
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>
        <Link href="/" className="button button--secondary">
          Go to the home page
        </Link>
      </div>
    </section>
  );
}
