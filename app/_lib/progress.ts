/** Course progress: pure computation from the course map plus the database queries feeding it. */
import { getCourse } from "@/content";
import type { CourseModule } from "@/content/types";
import { db } from "./db";

export interface ModuleProgress {
  module: CourseModule;
  completedLessons: ReadonlySet<string>;
  passedLabs: ReadonlySet<string>;
  done: number;
  total: number;
  percent: number;
}

export interface CourseProgress {
  modules: ModuleProgress[];
  done: number;
  total: number;
  percent: number;
}

export interface ProgressFacts {
  completedLessons: { moduleSlug: string; lessonSlug: string }[];
  /** Labs with at least one passing submission. */
  passedLabSlugs: string[];
}

const percentOf = (done: number, total: number) => (total === 0 ? 0 : Math.round((done / total) * 100));

/** Lessons completed and labs passed, per module and overall. Facts about unknown lessons or labs are ignored. */
export function computeCourseProgress(course: CourseModule[], facts: ProgressFacts): CourseProgress {
  const passed = new Set(facts.passedLabSlugs);
  const modules = course.map((module): ModuleProgress => {
    const lessonSlugs = new Set(module.lessons.map((lesson) => lesson.slug));
    const completedLessons = new Set(
      facts.completedLessons
        .filter((entry) => entry.moduleSlug === module.slug && lessonSlugs.has(entry.lessonSlug))
        .map((entry) => entry.lessonSlug),
    );
    const passedLabs = new Set(module.labs.filter((lab) => passed.has(lab)));
    const done = completedLessons.size + passedLabs.size;
    const total = module.lessons.length + module.labs.length;
    return { module, completedLessons, passedLabs, done, total, percent: percentOf(done, total) };
  });
  const done = modules.reduce((sum, module) => sum + module.done, 0);
  const total = modules.reduce((sum, module) => sum + module.total, 0);
  return { modules, done, total, percent: percentOf(done, total) };
}

/** A lab counts as passed once any graded submission of it passed. */
const PASSED_SUBMISSION = { kind: "submit", status: "passed" } as const;

async function progressFacts(userIds: string[]): Promise<Map<string, ProgressFacts>> {
  const [lessons, labs] = await Promise.all([
    db.lessonProgress.findMany({
      where: { userId: { in: userIds } },
      select: { userId: true, moduleSlug: true, lessonSlug: true },
    }),
    db.labSubmission.findMany({
      where: { userId: { in: userIds }, ...PASSED_SUBMISSION },
      distinct: ["userId", "labSlug"],
      select: { userId: true, labSlug: true },
    }),
  ]);
  const facts = new Map(userIds.map((id) => [id, { completedLessons: [], passedLabSlugs: [] } as ProgressFacts]));
  for (const { userId, ...lesson } of lessons) facts.get(userId)?.completedLessons.push(lesson);
  for (const { userId, labSlug } of labs) facts.get(userId)?.passedLabSlugs.push(labSlug);
  return facts;
}

export async function getCourseProgress(userId: string): Promise<CourseProgress> {
  const facts = await progressFacts([userId]);
  return computeCourseProgress(getCourse(), facts.get(userId)!);
}

export function getRecentSubmissions(userId: string, take = 10) {
  return db.labSubmission.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, labSlug: true, kind: true, status: true, score: true, maxScore: true, durationMs: true, createdAt: true },
  });
}

export interface MemberSummary {
  userId: string;
  name: string;
  email: string;
  role: string;
  progress: CourseProgress;
  lessonsDone: number;
  labsPassed: number;
  lastActivity: Date | null;
}

export interface CohortSummary {
  id: string;
  name: string;
  slug: string;
  members: MemberSummary[];
}

/** Cohorts an instructor teaches (admins see every cohort), with each member's progress. */
export async function getCohortSummaries(viewer: { id: string; role: string }): Promise<CohortSummary[]> {
  const cohorts = await db.cohort.findMany({
    where: viewer.role === "admin" ? {} : { memberships: { some: { userId: viewer.id, role: "instructor" } } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      slug: true,
      memberships: {
        orderBy: { user: { name: "asc" } },
        select: { role: true, user: { select: { id: true, name: true, email: true } } },
      },
    },
  });
  const userIds = [...new Set(cohorts.flatMap((cohort) => cohort.memberships.map((m) => m.user.id)))];
  const [facts, lastLessons, lastSubmissions] = await Promise.all([
    progressFacts(userIds),
    db.lessonProgress.groupBy({ by: ["userId"], where: { userId: { in: userIds } }, _max: { completedAt: true } }),
    db.labSubmission.groupBy({ by: ["userId"], where: { userId: { in: userIds } }, _max: { createdAt: true } }),
  ]);
  const lastActivity = new Map<string, Date>();
  for (const row of [
    ...lastLessons.map((r) => ({ userId: r.userId, at: r._max.completedAt })),
    ...lastSubmissions.map((r) => ({ userId: r.userId, at: r._max.createdAt })),
  ]) {
    const previous = lastActivity.get(row.userId);
    if (row.at && (!previous || row.at > previous)) lastActivity.set(row.userId, row.at);
  }
  const course = getCourse();
  return cohorts.map((cohort) => ({
    id: cohort.id,
    name: cohort.name,
    slug: cohort.slug,
    members: cohort.memberships.map(({ role, user }) => {
      const progress = computeCourseProgress(course, facts.get(user.id)!);
      return {
        userId: user.id,
        name: user.name,
        email: user.email,
        role,
        progress,
        lessonsDone: progress.modules.reduce((sum, m) => sum + m.completedLessons.size, 0),
        labsPassed: progress.modules.reduce((sum, m) => sum + m.passedLabs.size, 0),
        lastActivity: lastActivity.get(user.id) ?? null,
      };
    }),
  }));
}
