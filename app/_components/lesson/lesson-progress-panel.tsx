import Link from "next/link";
import type { PublicQuiz } from "@/content";
import { getLessonState } from "@/app/_lib/lessons-progress";
import type { SessionUser } from "@/app/_lib/sessions";
import { LessonQuiz } from "./lesson-quiz";
import { MarkComplete } from "./mark-complete";

/** The per-learner end of a lesson (streamed): completion state, best quiz score, the quiz itself. */
export async function LessonProgressPanel({ user, csrfToken, quiz, returnTo }: { user: SessionUser | null; csrfToken: string | null; quiz: PublicQuiz; returnTo: string }) {
  if (!user || !csrfToken) {
    return (
      <p>
        {quiz.questions.length} questions. <Link href={`/signin?next=${encodeURIComponent(returnTo)}`}>Sign in</Link> to take the quiz and
        keep track of your progress.
      </p>
    );
  }
  const state = await getLessonState(user.id, quiz.moduleSlug, quiz.lessonSlug);
  return (
    <div className="stack">
      <p className="muted">
        {quiz.questions.length} questions; 80% passes and completes the lesson.
        {state.bestScore && ` Best so far: ${state.bestScore.score} of ${state.bestScore.maxScore} (${state.attempts} attempt${state.attempts === 1 ? "" : "s"}).`}
      </p>
      <LessonQuiz moduleSlug={quiz.moduleSlug} lessonSlug={quiz.lessonSlug} questions={quiz.questions} csrfToken={csrfToken} />
      <MarkComplete moduleSlug={quiz.moduleSlug} lessonSlug={quiz.lessonSlug} csrfToken={csrfToken} completed={state.completed} />
    </div>
  );
}
