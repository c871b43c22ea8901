import { createPrismaClient, type PrismaClient } from "@/prisma/client";

// One client per server process; `next dev` re-evaluates modules on every change, so keep it on
// globalThis there instead of opening a new SQLite connection each time.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db = globalForPrisma.prisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;
