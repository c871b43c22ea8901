import type { Metadata } from "next";
import Link from "next/link";
import { ProgressBar } from "@/app/_components/progress-bar";
import { requireUser } from "@/app/_lib/auth";
import { formatDateTime, formatDuration, titleFromSlug } from "@/app/_lib/format";
import { bestLabScores } from "@/app/_lib/labs-store";
import { firstIncompleteLesson } from "@/app/_lib/lessons-progress";
import { getCourseProgress, getRecentSubmissions } from "@/app/_lib/progress";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const [progress, submissions, labScores] = await Promise.all([getCourseProgress(user.id), getRecentSubmissions(user.id), bestLabScores(user.id)]);
  const next = firstIncompleteLesson(progress);

  return (
    <div className="stack">
      <header>
        <h1>Welcome back, {user.name}</h1>
        <p className="lede">Here is where you stand in the course.</p>
      </header>

      <section className="card" aria-labelledby="overall-title">
        <h2 id="overall-title">Overall progress</h2>
        <ProgressBar label="Lessons and labs completed" done={progress.done} total={progress.total} />
        {next ? (
          <p>
            Continue with <Link href={`/learn/${next.moduleSlug}/${next.lessonSlug}`}>{next.title}</Link>
          </p>
        ) : (
          <p>Every lesson is complete.</p>
        )}
      </section>

      <section aria-labelledby="modules-title">
        <h2 id="modules-title">Modules</h2>
        <ul className="grid plain-list" role="list">
          {progress.modules.map(({ module, done, total }) => (
            <li key={module.slug} className="card">
              <h3>{module.title}</h3>
              <ProgressBar label="Progress" done={done} total={total} />
            </li>
          ))}
        </ul>
        <p>
          <Link href="/course">Open the course map</Link>
        </p>
      </section>

      <section className="card" aria-labelledby="lab-scores-title">
        <h2 id="lab-scores-title">Best lab scores</h2>
        {labScores.size === 0 ? (
          <p className="muted">
            No graded labs yet. <Link href="/labs">Open the labs</Link>.
          </p>
        ) : (
          <ul className="item-list" data-testid="lab-scores">
            {[...labScores].map(([slug, score]) => (
              <li key={slug}>
                <Link href={`/labs/${slug}`}>{titleFromSlug(slug)}</Link>: <strong>{score.bestPercent}%</strong>
                {score.passed && <span className="badge badge--passed">passed</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="submissions-title">
        <h2 id="submissions-title">Recent lab submissions</h2>
        {submissions.length === 0 ? (
          <p className="muted">No lab submissions yet. Labs are listed under each module of the course map.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Lab</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Status</th>
                  <th scope="col">Score</th>
                  <th scope="col">Time</th>
                  <th scope="col">When</th>
                </tr>
              </thead>
              <tbody>
                {submissions.map((submission) => (
                  <tr key={submission.id}>
                    <td>{titleFromSlug(submission.labSlug)}</td>
                    <td>{submission.kind}</td>
                    <td>
                      <span className={`badge badge--${submission.status}`}>{submission.status}</span>
                    </td>
                    <td>
                      {submission.score} / {submission.maxScore}
                    </td>
                    <td>{formatDuration(submission.durationMs)}</td>
                    <td>{formatDateTime(submission.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
