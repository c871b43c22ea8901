import { guardMutation, isLabSlug, jsonError } from "@/app/_lib/labs-api";
import { runLabSchema } from "@/app/_lib/labs-schemas";
import { saveSubmission } from "@/app/_lib/labs-store";
import { runLab, SubmissionRateLimited } from "@/labs";

/** Run (visible tests) or submit (all tests) the learner's code; the verdict is stored with the code. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!isLabSlug(slug)) return jsonError(404, "No such lab.");
  const guarded = await guardMutation(request, runLabSchema);
  if (guarded.response) return guarded.response;
  const { user, body } = guarded;
  try {
    const verdict = await runLab(user.id, slug, body.code, { mode: body.mode });
    const submission = await saveSubmission(user.id, slug, body.code, verdict);
    return Response.json({ submission });
  } catch (error) {
    if (error instanceof SubmissionRateLimited) {
      return jsonError(429, error.message, { retryAfterMs: error.retryAfterMs });
    }
    throw error;
  }
}
