import Link from "next/link";
import { getCourse } from "@/content";
import { getCurrentUser } from "./_lib/auth";

export default async function HomePage() {
  const user = await getCurrentUser();
  const course = getCourse();
  const lessonCount = course.reduce((sum, module) => sum + module.lessons.length, 0);
  const labCount = new Set(course.flatMap((module) => module.labs)).size;

  return (
    <div className="stack">
      <section aria-labelledby="hero-title">
        <h1 id="hero-title">Get ready for the Redis questions interviewers actually ask</h1>
        <p className="lede">
          Short lessons on how Redis works and how it is used in real systems, then hands-on labs: you write the rate
          limiter, the leaderboard or the distributed lock against a Redis-compatible engine running inside the site,
          and an automatic grader tells you what holds up and what breaks.
        </p>
        <div className="actions">
          {user ? (
            <Link href="/dashboard" className="button">
              Continue where you left off
            </Link>
          ) : (
            <Link href="/signup" className="button">
              Start learning, it is free
            </Link>
          )}
          <Link href="/course" className="button button--secondary">
            See the course map
          </Link>
        </div>
      </section>

      <section aria-labelledby="how-title">
        <h2 id="how-title">How it works</h2>
        <div className="grid">
          <article className="card">
            <h3>Learn</h3>
            <p>
              {course.length} module{course.length === 1 ? "" : "s"} and {lessonCount} lessons, from data structures to
              caching patterns, each with a short quiz.
            </p>
          </article>
          <article className="card">
            <h3>Practise</h3>
            <p>
              {labCount} labs where your code runs against a real Redis protocol engine: no setup, nothing to install.
            </p>
          </article>
          <article className="card">
            <h3>Track</h3>
            <p>Your dashboard shows what you have finished and how each lab submission scored. Instructors follow their cohorts.</p>
          </article>
        </div>
      </section>
    </div>
  );
}
