/**
 * Demo data, safe to run again and again (`npm run db:seed`, also part of `npm start`):
 * a learner and an instructor (passwords in README.md), one cohort with both in it, and a little
 * progress plus one lab submission for the learner so the dashboard has something to show.
 * Existing rows are left as they are, so a changed demo password survives a restart.
 */
import { getCourse } from "../content";
import { hashPassword } from "../app/_lib/passwords";
import { createPrismaClient } from "./client";
import { DEMO_INSTRUCTOR, DEMO_LEARNER } from "./demo-accounts";

const DEMO_COHORT = { slug: "demo-cohort", name: "Demo cohort" };

async function seed(): Promise<void> {
  const course = getCourse();
  const firstModule = course[0];
  if (!firstModule) throw new Error("The course in content/ has no modules to seed progress for.");
  const completedLessons = firstModule.lessons.slice(0, 2);
  const labSlug = course.flatMap((module) => module.labs)[0];

  const [learnerHash, instructorHash] = await Promise.all([
    hashPassword(DEMO_LEARNER.password),
    hashPassword(DEMO_INSTRUCTOR.password),
  ]);

  const prisma = createPrismaClient();
  try {
    await prisma.$transaction(async (tx) => {
      const learner = await tx.user.upsert({
        where: { email: DEMO_LEARNER.email },
        update: {},
        create: { email: DEMO_LEARNER.email, name: DEMO_LEARNER.name, passwordHash: learnerHash, role: "learner" },
      });
      const instructor = await tx.user.upsert({
        where: { email: DEMO_INSTRUCTOR.email },
        update: {},
        create: {
          email: DEMO_INSTRUCTOR.email,
          name: DEMO_INSTRUCTOR.name,
          passwordHash: instructorHash,
          role: "instructor",
        },
      });
      const cohort = await tx.cohort.upsert({
        where: { slug: DEMO_COHORT.slug },
        update: {},
        create: DEMO_COHORT,
      });
      for (const [user, role] of [
        [learner, "learner"],
        [instructor, "instructor"],
      ] as const) {
        await tx.cohortMembership.upsert({
          where: { cohortId_userId: { cohortId: cohort.id, userId: user.id } },
          update: {},
          create: { cohortId: cohort.id, userId: user.id, role },
        });
      }
      for (const lesson of completedLessons) {
        await tx.lessonProgress.upsert({
          where: {
            userId_moduleSlug_lessonSlug: { userId: learner.id, moduleSlug: firstModule.slug, lessonSlug: lesson.slug },
          },
          update: {},
          create: { userId: learner.id, moduleSlug: firstModule.slug, lessonSlug: lesson.slug },
        });
      }
      if (labSlug && (await tx.labSubmission.count({ where: { userId: learner.id } })) === 0) {
        await tx.labSubmission.create({
          data: {
            userId: learner.id,
            labSlug,
            code: "// demo submission created by prisma/seed.ts\n",
            kind: "submit",
            status: "failed",
            score: 3,
            maxScore: 5,
            results: JSON.stringify([]),
            durationMs: 412,
          },
        });
      }
    });
  } finally {
    await prisma.$disconnect();
  }
  console.log(`Seeded demo accounts ${DEMO_LEARNER.email} and ${DEMO_INSTRUCTOR.email}.`);
}

seed().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
