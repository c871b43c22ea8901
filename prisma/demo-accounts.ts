/** The demo accounts `prisma/seed.ts` creates; README.md documents the same credentials. */
export const DEMO_LEARNER = { email: "learner@example.com", name: "Demo Learner", password: "learn-redis-2026" };
export const DEMO_INSTRUCTOR = { email: "instructor@example.com", name: "Demo Instructor", password: "teach-redis-2026" };
