import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentUser } from "@/app/_lib/auth";
import { bestLabScores } from "@/app/_lib/labs-store";
import { listLabs } from "@/labs";

export const metadata: Metadata = { title: "Labs" };

export default async function LabsPage() {
  const user = await getCurrentUser();
  const scores = user ? await bestLabScores(user.id) : new Map();
  return (
    <div className="stack">
      <header>
        <h1>Labs</h1>
        <p className="lede">Write real code against a Redis-compatible engine and get graded like in an interview: atomicity, expiry, races and hot keys.</p>
        {!user && (
          <p>
            <Link href="/signin?next=/labs">Sign in</Link> to write and submit solutions.
          </p>
        )}
      </header>
      <ul className="plain-list lab-list" role="list">
        {listLabs().map((lab) => {
          const score = scores.get(lab.slug);
          return (
            <li key={lab.slug} className="card">
              <h2>
                <Link href={`/labs/${lab.slug}`}>{lab.title}</Link>
              </h2>
              {score ? (
                <p>
                  Best score: <strong>{score.bestPercent}%</strong> {score.passed && <span className="badge badge--passed">passed</span>}
                </p>
              ) : (
                user && <p className="muted">Not submitted yet.</p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
