import { guardMutation, isLabSlug, jsonError } from "@/app/_lib/labs-api";
import { draftSchema, emptyBodySchema } from "@/app/_lib/labs-schemas";
import { deleteDraft, saveDraft } from "@/app/_lib/labs-store";

/** Autosave: the learner's draft of this lab. */
export async function PUT(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!isLabSlug(slug)) return jsonError(404, "No such lab.");
  const guarded = await guardMutation(request, draftSchema);
  if (guarded.response) return guarded.response;
  const updatedAt = await saveDraft(guarded.user.id, slug, guarded.body.code);
  return Response.json({ updatedAt });
}

/** Reset to the starter code: the draft is forgotten. */
export async function DELETE(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!isLabSlug(slug)) return jsonError(404, "No such lab.");
  const guarded = await guardMutation(request, emptyBodySchema);
  if (guarded.response) return guarded.response;
  await deleteDraft(guarded.user.id, slug);
  return Response.json({ ok: true });
}
