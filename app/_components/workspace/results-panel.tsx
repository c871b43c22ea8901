"use client";

import type { SubmissionView } from "@/app/_lib/labs-store";
import type { TestResult, Verdict } from "@/labs";

const LIMIT_TEXT: Record<string, string> = {
  "time-limit": "Time limit: your code did not finish in time. Look for an infinite loop or a wait that never ends.",
  "cpu-limit": "CPU limit: your code kept the processor busy for too long.",
  "memory-limit": "Memory limit: your code used more memory than the sandbox allows.",
  "output-limit": "Output limit: your code printed too much.",
  crash: "Your code crashed the sandbox process.",
  load: "Your module could not be loaded.",
  compile: "Your code does not compile.",
};

function show(value: unknown): string {
  if (value === undefined) return "undefined";
  return typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value, null, 2);
}

function TestItem({ test }: { test: TestResult }) {
  return (
    <li className={`test-result test-result--${test.passed ? "passed" : "failed"}`}>
      <p className="test-result__title">
        <span aria-hidden="true">{test.passed ? "✓" : "✗"}</span>
        <span className="visually-hidden">{test.passed ? "Passed:" : "Failed:"}</span> {test.name}
        {!test.visible && <span className="badge">hidden</span>}
      </p>
      {!test.passed && (
        <div className="test-result__details">
          {test.message && <p className="test-result__message">{test.message}</p>}
          {test.explanation && (
            <p>
              <strong>Why it matters:</strong> {test.explanation}
            </p>
          )}
          {(test.expected !== undefined || test.actual !== undefined) && (
            <dl className="expected-actual">
              <dt>Expected</dt>
              <dd>
                <pre>{show(test.expected)}</pre>
              </dd>
              <dt>Actual</dt>
              <dd>
                <pre>{show(test.actual)}</pre>
              </dd>
            </dl>
          )}
          {test.commands && test.commands.length > 0 && (
            <details>
              <summary>Engine commands your code sent ({test.commands.length})</summary>
              <pre className="command-lines">{test.commands.join("\n")}</pre>
            </details>
          )}
        </div>
      )}
    </li>
  );
}

/** `current`: the verdict of the last run (tests and tools find it by its test id; history entries are not). */
export function VerdictView({ verdict, submissionId, current = false }: { verdict: Verdict; submissionId?: string; current?: boolean }) {
  const passedCount = verdict.tests.filter((test) => test.passed).length;
  const compile = verdict.sandboxError?.kind === "compile";
  return (
    <div className="verdict" data-testid={current ? "verdict" : undefined} data-submission={submissionId}>
      <p className={`verdict__score ${verdict.passed ? "verdict__score--passed" : "verdict__score--failed"}`}>
        <strong>{verdict.mode === "submit" ? "Submission" : "Run"}: score {verdict.score}%</strong> · {passedCount} of {verdict.tests.length}{" "}
        {verdict.mode === "run" ? "example tests" : "tests"} passed
        {verdict.passed && verdict.mode === "submit" ? " — lab complete!" : ""}
      </p>
      {verdict.sandboxError && (
        <div className="alert alert--error" role="alert">
          <p>
            <strong>{LIMIT_TEXT[verdict.sandboxError.kind] ?? "The sandbox stopped your code."}</strong>
          </p>
          <pre className="sandbox-message">{verdict.sandboxError.message}</pre>
          {compile && <p>The error is marked in the editor.</p>}
        </div>
      )}
      <ul className="plain-list test-results">
        {verdict.tests.map((test) => (
          <TestItem key={test.name} test={test} />
        ))}
      </ul>
      {verdict.output && (
        <details>
          <summary>Console output of your code</summary>
          <pre className="command-lines">{verdict.output}</pre>
        </details>
      )}
      <p className="muted small">
        Graded in {Math.round(verdict.timings.totalMs)} ms
        {verdict.timings.sandboxWaitMs > 50 ? ` (${Math.round(verdict.timings.sandboxWaitMs)} ms queued for a sandbox)` : ""}.
      </p>
    </div>
  );
}

/** What the learner's code sent to the engine in the last run, test by test (MONITOR-style). */
export function CommandLog({ verdict }: { verdict: Verdict | null }) {
  if (!verdict) return <p className="muted">Run or submit your code to see the commands it sends to the engine.</p>;
  const logged = verdict.tests.filter((test) => test.commands && test.commands.length > 0);
  if (logged.length === 0) return <p className="muted">Your code sent no commands in the last run.</p>;
  return (
    <div className="stack" data-testid="command-log">
      <p className="muted small">The last {"\u2264"}40 commands per test, as MONITOR shows them; [lua] marks commands run inside a script.</p>
      {logged.map((test) => (
        <section key={test.name} aria-label={`Commands of ${test.name}`}>
          <h4 className="log-title">
            {test.passed ? "✓" : "✗"} {test.name}
          </h4>
          <pre className="command-lines">{test.commands!.join("\n")}</pre>
        </section>
      ))}
    </div>
  );
}

export function SubmissionHistory({ submissions, onLoad }: { submissions: SubmissionView[]; onLoad(code: string): void }) {
  if (submissions.length === 0) return <p className="muted">No runs or submissions yet.</p>;
  return (
    <ul className="plain-list stack" data-testid="submission-history">
      {submissions.map((submission) => (
        <li key={submission.id}>
          <details className="history-item">
            <summary>
              <span className={`badge badge--${submission.status}`}>{submission.status}</span> {submission.kind === "submit" ? "Submission" : "Run"} ·{" "}
              {submission.score}/{submission.maxScore} tests · <time dateTime={submission.createdAt}>{new Date(submission.createdAt).toLocaleString()}</time>
            </summary>
            <div className="stack">
              <pre className="command-lines history-code">{submission.code}</pre>
              <p>
                <button type="button" className="button button--secondary button--small" onClick={() => onLoad(submission.code)}>
                  Load this code into the editor
                </button>
              </p>
              <VerdictView verdict={submission.verdict} />
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}
