import { guardMutation } from "@/app/_lib/labs-api";
import { emptyBodySchema } from "@/app/_lib/labs-schemas";
import { resetEngine } from "@/labs/console";

/** Empties the learner's playground engine. */
export async function POST(request: Request) {
  const guarded = await guardMutation(request, emptyBodySchema);
  if (guarded.response) return guarded.response;
  await resetEngine(guarded.user.id);
  return Response.json({ ok: true });
}
