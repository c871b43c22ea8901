import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeQuiz, getCourse } from "@/content";
import { deployMigrations } from "@/prisma/migrations-runner";

// The database module connects on import, so point it at a fresh file before importing it.
const workDir = mkdtempSync(path.join(tmpdir(), "lessons-progress-"));
process.env.DATABASE_URL = `file:${path.join(workDir, "test.db")}`;

const { db } = await import("./db");
const { firstIncompleteLesson, getLessonState, markLessonComplete, quizPassed, recordQuizAttempt } = await import("./lessons-progress");
const { computeCourseProgress, getCourseProgress } = await import("./progress");

beforeAll(() => {
  deployMigrations(path.join(workDir, "test.db"));
});
afterAll(async () => {
  await db.$disconnect();
  rmSync(workDir, { recursive: true, force: true });
});

let counter = 0;
async function newUser() {
  counter += 1;
  return db.user.create({ data: { name: `L${counter}`, email: `l${counter}@example.com`, passwordHash: "x" } });
}

describe("quizPassed", () => {
  it("needs at least 80% right", () => {
    expect([quizPassed(3, 3), quizPassed(2, 3), quizPassed(4, 5), quizPassed(3, 5), quizPassed(4, 4), quizPassed(3, 4), quizPassed(0, 0)]).toEqual([
      true, false, true, false, true, false, false,
    ]);
  });
});

describe("lesson progress", () => {
  const course = getCourse();
  const moduleSlug = course[0].slug;
  const lessonSlug = course[0].lessons[0].slug;

  it("stores every attempt, completes the lesson only on a pass, and reports the best score", async () => {
    const user = await newUser();
    const wrong = gradeQuiz(moduleSlug, lessonSlug, {})!;
    expect(await recordQuizAttempt(user.id, moduleSlug, lessonSlug, {}, wrong)).toBe(false);
    expect(await getLessonState(user.id, moduleSlug, lessonSlug)).toMatchObject({ completed: false, attempts: 1, bestScore: { score: 0 } });

    const perfect = { score: wrong.total, total: wrong.total, results: [] };
    expect(await recordQuizAttempt(user.id, moduleSlug, lessonSlug, { a: 1 }, perfect)).toBe(true);
    const state = await getLessonState(user.id, moduleSlug, lessonSlug);
    expect(state).toMatchObject({ completed: true, attempts: 2, bestScore: { score: wrong.total, maxScore: wrong.total } });
    const stored = await db.quizAttempt.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    expect(stored.map((a) => JSON.parse(a.answers))).toEqual([{}, { a: 1 }]);

    const progress = await getCourseProgress(user.id);
    expect([...progress.modules[0].completedLessons]).toEqual([lessonSlug]);
    expect(firstIncompleteLesson(progress)).toMatchObject({ moduleSlug, lessonSlug: course[0].lessons[1].slug });
  });

  it("marks a lesson complete once, keeping the first completion time, per learner", async () => {
    const [a, b] = [await newUser(), await newUser()];
    await markLessonComplete(a.id, moduleSlug, lessonSlug);
    const first = (await getLessonState(a.id, moduleSlug, lessonSlug)).completedAt;
    await markLessonComplete(a.id, moduleSlug, lessonSlug);
    expect((await getLessonState(a.id, moduleSlug, lessonSlug)).completedAt).toEqual(first);
    expect(await db.lessonProgress.count({ where: { userId: a.id } })).toBe(1);
    expect((await getLessonState(b.id, moduleSlug, lessonSlug)).completed).toBe(false);
  });
});

describe("firstIncompleteLesson", () => {
  it("is the first lesson in course order not completed, or null when all are", () => {
    const course = getCourse();
    const all = course.flatMap((m) => m.lessons.map((l) => ({ moduleSlug: m.slug, lessonSlug: l.slug })));
    expect(firstIncompleteLesson(computeCourseProgress(course, { completedLessons: [], passedLabSlugs: [] }))).toMatchObject(all[0]!);
    expect(firstIncompleteLesson(computeCourseProgress(course, { completedLessons: all.slice(0, 5), passedLabSlugs: [] }))).toMatchObject(all[5]!);
    expect(firstIncompleteLesson(computeCourseProgress(course, { completedLessons: all, passedLabSlugs: [] }))).toBeNull();
  });
});
