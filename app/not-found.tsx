import Link from "next/link";

export default function NotFound() {
  return (
    <section className="card form-card" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>There is nothing at this address, or you do not have access to it.</p>
      <div className="actions">
        <Link href="/" className="button">
          Go to the home page
        </Link>
        <Link href="/course" className="button button--secondary">
          Course map
        </Link>
      </div>
    </section>
  );
}
