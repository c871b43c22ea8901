/** Shared plumbing of the lab and engine route handlers: who is asking, CSRF, body validation. */
import type { z } from "zod";
import { listLabs } from "@/labs";
import { getCurrentUser } from "./auth";
import { rejectUnlessAllowed } from "./mutation-guard";
import type { SessionUser } from "./sessions";

type Guarded<T> = { user: SessionUser; body: T; response?: undefined } | { response: Response };

export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error, ...extra }, { status });
}

/** The signed-in user, or a 401 response. */
export async function apiUser(): Promise<{ user: SessionUser } | { response: Response }> {
  const user = await getCurrentUser();
  return user ? { user } : { response: jsonError(401, "Sign in to use the workspace.") };
}

/** For mutations: CSRF check, signed-in user, and a JSON body matching `schema`. */
export async function guardMutation<T>(request: Request, schema: z.ZodType<T>): Promise<Guarded<T>> {
  const rejection = await rejectUnlessAllowed(request);
  if (rejection) return { response: rejection };
  const who = await apiUser();
  if ("response" in who) return who;
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    return { response: jsonError(400, "The request body is not JSON.") };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { response: jsonError(400, parsed.error.issues[0]?.message ?? "Invalid request.") };
  return { user: who.user, body: parsed.data };
}

export function isLabSlug(slug: string): boolean {
  return listLabs().some((lab) => lab.slug === slug);
}
