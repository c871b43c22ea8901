import type { Metadata } from "next";
import Link from "next/link";
import { ProgressBar } from "@/app/_components/progress-bar";
import { getCurrentUser } from "@/app/_lib/auth";
import { titleFromSlug } from "@/app/_lib/format";
import { computeCourseProgress, getCourseProgress } from "@/app/_lib/progress";
import { getCourse } from "@/content";

export const metadata: Metadata = { title: "Course" };

export default async function CoursePage() {
  const user = await getCurrentUser();
  const progress = user
    ? await getCourseProgress(user.id)
    : computeCourseProgress(getCourse(), { completedLessons: [], passedLabSlugs: [] });

  return (
    <div className="stack">
      <header>
        <h1>Course map</h1>
        <p className="lede">
          Work through the modules in order, or jump to what your next interview needs. Each module ends with labs that
          practise it.
        </p>
        {!user && (
          <p>
            <Link href="/signin?next=/course">Sign in</Link> to see your progress.
          </p>
        )}
      </header>
      <ol className="module-list">
        {progress.modules.map(({ module, completedLessons, passedLabs, done, total }) => (
          <li key={module.slug} className="card" aria-labelledby={`module-${module.slug}`}>
            <div className="module__header">
              <h2 id={`module-${module.slug}`}>
                {module.order}. {module.title}
              </h2>
            </div>
            <p className="muted">{module.summary}</p>
            {user && <ProgressBar label="Module progress" done={done} total={total} />}
            <div className="columns">
              <section aria-label={`Lessons in ${module.title}`}>
                <h3>Lessons</h3>
                <ul className="item-list">
                  {module.lessons.map((lesson) => {
                    const completed = completedLessons.has(lesson.slug);
                    return (
                      <li key={lesson.slug}>
                        <span className={`status-dot${completed ? " status-dot--done" : ""}`} aria-hidden="true">
                          {completed ? "✓" : "○"}
                        </span>
                        <span>
                          <Link href={`/learn/${module.slug}/${lesson.slug}`}>{lesson.title}</Link>{" "}
                          <span className="muted">· {lesson.minutes} min</span>
                          {completed && <span className="visually-hidden"> (completed)</span>}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </section>
              <section aria-label={`Labs in ${module.title}`}>
                <h3>Labs</h3>
                {module.labs.length === 0 ? (
                  <p className="muted">No labs in this module.</p>
                ) : (
                  <ul className="item-list">
                    {module.labs.map((lab) => {
                      const passed = passedLabs.has(lab);
                      return (
                        <li key={lab}>
                          <span className={`status-dot${passed ? " status-dot--done" : ""}`} aria-hidden="true">
                            {passed ? "✓" : "○"}
                          </span>
                          <span>
                            <Link href={`/labs/${lab}`}>{titleFromSlug(lab)}</Link>
                            {passed && <span className="visually-hidden"> (passed)</span>}
                          </span>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </section>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
