"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { CSRF_FIELD } from "@/app/_lib/csrf";
import { runSnippetAction, type SnippetRunStep } from "@/app/learn/actions";
import { useLessonViewer } from "./lesson-viewer";

interface Props {
  moduleSlug: string;
  lessonSlug: string;
  index: number;
  cluster: boolean;
  steps: { command: string; reply: string[] }[];
}

/** A redis-cli session from the lesson; Run replays it in the learner's own engine and shows each reply under its command. */
export function RedisSnippet({ moduleSlug, lessonSlug, index, cluster, steps }: Props) {
  const viewer = useLessonViewer();
  const [result, setResult] = useState<SnippetRunStep[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const run = () =>
    startTransition(async () => {
      const form = new FormData();
      form.set(CSRF_FIELD, viewer.csrfToken ?? "");
      form.set("moduleSlug", moduleSlug);
      form.set("lessonSlug", lessonSlug);
      form.set("index", String(index));
      try {
        const outcome = await runSnippetAction(form);
        if (outcome.ok) {
          setResult(outcome.steps);
          setError(null);
        } else setError(outcome.error);
      } catch {
        setError("The engine did not answer. Try again.");
      }
    });

  const differs = result?.filter((s) => !s.matches).length ?? 0;
  return (
    <figure className="snippet" aria-label={`Redis example ${index + 1}`} data-snippet-index={index}>
      <div className="snippet__bar">
        <span className="snippet__label">redis-cli{cluster ? " · cluster mode" : ""}</span>
        {viewer.signedIn ? (
          <button type="button" className="button button--small" onClick={run} disabled={pending}>
            {pending ? "Running…" : result ? "Run again" : "Run"}
          </button>
        ) : (
          <Link className="button button--small button--secondary" href={`/signin?next=${encodeURIComponent(viewer.returnTo)}`}>
            Sign in to run
          </Link>
        )}
      </div>
      <ol className="snippet__steps">
        {steps.map((step, i) => {
          const ran = result?.[i];
          return (
            <li key={i} className="snippet__step">
              <pre className="snippet__command">
                <span aria-hidden="true">&gt; </span>
                {step.command}
              </pre>
              <pre className="snippet__reply">
                <span className="visually-hidden">Lesson reply: </span>
                {step.reply.join("\n")}
              </pre>
              {ran && (
                <div className={`snippet__actual ${ran.matches ? "snippet__actual--same" : "snippet__actual--differs"}`}>
                  <span className="snippet__verdict">{ran.matches ? "✓ Your engine replied:" : "≠ Your engine replied differently:"}</span>
                  <pre data-testid="engine-reply">{ran.actual.join("\n")}</pre>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <div aria-live="polite" className="snippet__status">
        {error && <p className="alert alert--error">{error}</p>}
        {result && (
          <p className={differs ? "snippet__summary snippet__summary--differs" : "snippet__summary"} role="status">
            {differs === 0
              ? `Ran ${result.length} command${result.length === 1 ? "" : "s"} in your engine: every reply matches the lesson.`
              : `Ran ${result.length} commands in your engine: ${differs} repl${differs === 1 ? "y differs" : "ies differ"} from the lesson (your engine keeps its keys between runs${cluster ? " and is not in cluster mode" : ""}).`}
          </p>
        )}
      </div>
    </figure>
  );
}
