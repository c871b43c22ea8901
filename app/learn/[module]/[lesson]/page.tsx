import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { LessonBody } from "@/app/_components/lesson/lesson-body";
import { LessonProgressPanel } from "@/app/_components/lesson/lesson-progress-panel";
import { LessonViewerProvider } from "@/app/_components/lesson/lesson-viewer";
import { getCsrfToken, getCurrentUser } from "@/app/_lib/auth";
import { titleFromSlug } from "@/app/_lib/format";
import { simulationsForLesson } from "@/app/simulations/catalog";
import { getCourse, getLesson, getModule, getNeighbours, getQuiz } from "@/content";

type Params = { module: string; lesson: string };

export function generateStaticParams(): Params[] {
  return getCourse().flatMap((m) => m.lessons.map((l) => ({ module: m.slug, lesson: l.slug })));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { module, lesson } = await params;
  const found = getLesson(module, lesson);
  return found ? { title: found.title, description: found.summary } : {};
}

function lessonTitle(moduleSlug: string, lessonSlug: string): string {
  return getModule(moduleSlug)?.lessons.find((l) => l.slug === lessonSlug)?.title ?? titleFromSlug(lessonSlug);
}

export default async function LessonPage({ params }: { params: Promise<Params> }) {
  const { module: moduleSlug, lesson: lessonSlug } = await params;
  const lesson = getLesson(moduleSlug, lessonSlug);
  const courseModule = getModule(moduleSlug);
  const quiz = getQuiz(moduleSlug, lessonSlug);
  if (!lesson || !courseModule || !quiz) notFound();
  const { prev, next } = getNeighbours(moduleSlug, lessonSlug);
  const position = courseModule.lessons.findIndex((l) => l.slug === lessonSlug) + 1;
  const path = `/learn/${moduleSlug}/${lessonSlug}`;
  const [user, csrfToken] = await Promise.all([getCurrentUser(), getCsrfToken()]);

  return (
    <article className="lesson" aria-labelledby="lesson-title">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link href="/course">Course</Link>
          </li>
          <li>
            <Link href={`/course#module-${courseModule.slug}`}>
              {courseModule.order}. {courseModule.title}
            </Link>
          </li>
          <li aria-current="page">
            Lesson {position} of {courseModule.lessons.length}
          </li>
        </ol>
      </nav>
      <header className="lesson__header">
        <h1 id="lesson-title">{lesson.title}</h1>
        <p className="lede">{lesson.summary}</p>
        <p className="lesson__meta muted">
          <span>About {lesson.minutes} min read</span>
          {lesson.labs.length > 0 && <span> · {lesson.labs.length} lab{lesson.labs.length === 1 ? "" : "s"} to practise</span>}
        </p>
      </header>

      <LessonViewerProvider viewer={{ signedIn: !!user, csrfToken: user ? csrfToken : null, returnTo: path }}>
        <LessonBody lesson={lesson} />
      </LessonViewerProvider>

      {simulationsForLesson(moduleSlug, lessonSlug).map((sim) => (
        <p key={sim.id} className="card">
          <strong>Try it:</strong> <Link href={`/simulations#${sim.id}`}>{sim.title}</Link> — {sim.intro}
        </p>
      ))}

      {lesson.labs.length > 0 && (
        <section className="card lesson__labs" aria-labelledby="labs-title">
          <h2 id="labs-title">Labs that practise this</h2>
          <ul className="item-list">
            {lesson.labs.map((lab) => (
              <li key={lab}>
                <Link href={`/labs/${lab}`}>{titleFromSlug(lab)}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="quiz-title">
        <h2 id="quiz-title">Check yourself</h2>
        <Suspense fallback={<p className="muted">Loading your progress…</p>}>
          <LessonProgressPanel user={user} csrfToken={csrfToken} quiz={quiz} returnTo={path} />
        </Suspense>
      </section>

      <nav className="lesson__pager" aria-label="Lessons">
        {prev ? (
          <Link href={`/learn/${prev.moduleSlug}/${prev.lessonSlug}`} rel="prev">
            <span className="muted">← Previous</span>
            <span>{lessonTitle(prev.moduleSlug, prev.lessonSlug)}</span>
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link href={`/learn/${next.moduleSlug}/${next.lessonSlug}`} rel="next" className="lesson__pager-next">
            <span className="muted">Next →</span>
            <span>{lessonTitle(next.moduleSlug, next.lessonSlug)}</span>
          </Link>
        ) : (
          <Link href="/course" className="lesson__pager-next">
            <span className="muted">Finished</span>
            <span>Back to the course map</span>
          </Link>
        )}
      </nav>
    </article>
  );
}
