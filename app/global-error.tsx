"use client";

// Replaces the root layout when it fails itself, so it brings its own <html> and minimal styling.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "36rem", margin: "3rem auto", padding: "0 1rem", colorScheme: "light dark" }}>
        <main>
          <h1>Something went wrong</h1>
          <p>The site could not be loaded. Please try again in a moment.</p>
          {error.digest && <p>Reference: {error.digest}</p>}
          <button type="button" onClick={reset}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
