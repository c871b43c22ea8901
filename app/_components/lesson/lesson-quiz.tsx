"use client";

import { useActionState } from "react";
import { CsrfField } from "@/app/_components/csrf-field";
import type { PublicQuizQuestion } from "@/content/types";
import { type QuizState, submitQuizAction } from "@/app/learn/actions";

interface Props {
  moduleSlug: string;
  lessonSlug: string;
  questions: PublicQuizQuestion[];
  csrfToken: string;
}

/** The end-of-lesson quiz. Grading happens on the server; explanations arrive with the verdict. */
export function LessonQuiz({ moduleSlug, lessonSlug, questions, csrfToken }: Props) {
  const [state, action, pending] = useActionState<QuizState, FormData>(submitQuizAction, { status: "idle" });
  const graded = state.status === "graded" ? state : null;
  const resultOf = (id: string) => graded?.results.find((r) => r.id === id);

  return (
    <form action={action} className="quiz" aria-labelledby="quiz-title">
      <CsrfField token={csrfToken} />
      <input type="hidden" name="moduleSlug" value={moduleSlug} />
      <input type="hidden" name="lessonSlug" value={lessonSlug} />
      <ol className="quiz__questions">
        {questions.map((q, qi) => {
          const result = resultOf(q.id);
          const given = graded?.answers[q.id];
          return (
            <li key={`${q.id}-${graded ? "graded" : "open"}`} className="quiz__question">
              <fieldset aria-describedby={result ? `quiz-${q.id}-explanation` : undefined}>
                <legend>
                  <span className="visually-hidden">Question {qi + 1}: </span>
                  {q.prompt}
                </legend>
                {q.kind === "choice" ? (
                  <div className="quiz__options">
                    {q.options!.map((option, i) => (
                      <label key={i} className="quiz__option">
                        <input type="radio" name={`answer:${q.id}`} value={i} defaultChecked={given === String(i)} required />
                        <span>{option}</span>
                      </label>
                    ))}
                  </div>
                ) : (
                  <label className="quiz__number">
                    <span>Your answer</span>
                    <input type="text" inputMode="decimal" name={`answer:${q.id}`} defaultValue={given ?? ""} required autoComplete="off" pattern="-?[0-9]+(\.[0-9]+)?" title="A number, e.g. 20 or 0.5" />
                  </label>
                )}
              </fieldset>
              {result && (
                <div id={`quiz-${q.id}-explanation`} className={`quiz__feedback ${result.correct ? "quiz__feedback--right" : "quiz__feedback--wrong"}`}>
                  <strong>{result.correct ? "Correct." : `Not quite. The answer is ${q.kind === "choice" ? `“${q.options![result.correctAnswer]}”` : result.correctAnswer}.`}</strong>{" "}
                  {result.explanation}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Checking…" : graded ? "Submit again" : "Check my answers"}
        </button>
      </div>
      <div aria-live="polite">
        {state.status === "error" && (
          <p className="alert alert--error" role="alert">
            {state.error}
          </p>
        )}
        {graded && (
          <p className={`alert ${graded.passed ? "alert--success" : "alert--error"}`} role="status">
            You scored {graded.score} of {graded.total}.{" "}
            {graded.passed ? "Passed: this lesson is marked complete." : "Pass with 80% to complete the lesson; read the explanations and try again."}
          </p>
        )}
      </div>
    </form>
  );
}
