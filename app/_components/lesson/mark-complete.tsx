"use client";

import { useActionState } from "react";
import { CsrfField } from "@/app/_components/csrf-field";
import { type CompleteState, markCompleteAction } from "@/app/learn/actions";

export function MarkComplete({ moduleSlug, lessonSlug, csrfToken, completed }: { moduleSlug: string; lessonSlug: string; csrfToken: string; completed: boolean }) {
  const [state, action, pending] = useActionState<CompleteState, FormData>(markCompleteAction, { status: "idle" });
  if (completed || state.status === "done") {
    return (
      <p className="lesson-status lesson-status--done" role="status">
        ✓ Lesson complete
      </p>
    );
  }
  return (
    <form action={action} className="actions">
      <CsrfField token={csrfToken} />
      <input type="hidden" name="moduleSlug" value={moduleSlug} />
      <input type="hidden" name="lessonSlug" value={lessonSlug} />
      <button type="submit" className="button button--secondary" disabled={pending}>
        Mark lesson complete
      </button>
      {state.status === "error" && (
        <span className="alert alert--error" role="alert">
          {state.error}
        </span>
      )}
    </form>
  );
}
