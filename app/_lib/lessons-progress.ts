/** Per-learner lesson state: quiz attempts and completed lessons (LessonProgress, QuizAttempt). */
import type { QuizAnswers, QuizGradeResult } from "@/content";
import { db } from "./db";
import type { CourseProgress } from "./progress";

/** A quiz is passed with at least 80% of the answers right (3 of 3, 4 of 5). */
export function quizPassed(score: number, total: number): boolean {
  return total > 0 && score >= Math.ceil(total * 0.8);
}

export interface LessonState {
  completed: boolean;
  completedAt: Date | null;
  attempts: number;
  bestScore: { score: number; maxScore: number } | null;
}

export async function getLessonState(userId: string, moduleSlug: string, lessonSlug: string): Promise<LessonState> {
  const [progress, attempts, best] = await Promise.all([
    db.lessonProgress.findUnique({
      where: { userId_moduleSlug_lessonSlug: { userId, moduleSlug, lessonSlug } },
      select: { completedAt: true },
    }),
    db.quizAttempt.count({ where: { userId, moduleSlug, lessonSlug } }),
    db.quizAttempt.findFirst({
      where: { userId, moduleSlug, lessonSlug },
      orderBy: [{ score: "desc" }, { createdAt: "asc" }],
      select: { score: true, maxScore: true },
    }),
  ]);
  return { completed: !!progress, completedAt: progress?.completedAt ?? null, attempts, bestScore: best };
}

/** Marks the lesson complete; completing it again keeps the first completion time. */
export async function markLessonComplete(userId: string, moduleSlug: string, lessonSlug: string): Promise<void> {
  await db.lessonProgress.upsert({
    where: { userId_moduleSlug_lessonSlug: { userId, moduleSlug, lessonSlug } },
    create: { userId, moduleSlug, lessonSlug },
    update: {},
  });
}

/** Stores a graded attempt; a passing one also completes the lesson. Returns whether it passed. */
export async function recordQuizAttempt(
  userId: string,
  moduleSlug: string,
  lessonSlug: string,
  answers: QuizAnswers,
  grade: QuizGradeResult,
): Promise<boolean> {
  await db.quizAttempt.create({
    data: { userId, moduleSlug, lessonSlug, answers: JSON.stringify(answers), score: grade.score, maxScore: grade.total },
  });
  const passed = quizPassed(grade.score, grade.total);
  if (passed) await markLessonComplete(userId, moduleSlug, lessonSlug);
  return passed;
}

/** The first lesson, in course order, the learner has not completed: where "continue" leads. */
export function firstIncompleteLesson(progress: CourseProgress): { moduleSlug: string; lessonSlug: string; title: string } | null {
  for (const { module, completedLessons } of progress.modules) {
    const lesson = module.lessons.find((l) => !completedLessons.has(l.slug));
    if (lesson) return { moduleSlug: module.slug, lessonSlug: lesson.slug, title: lesson.title };
  }
  return null;
}
