"use client";

import dynamic from "next/dynamic";
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import type { SubmissionView } from "@/app/_lib/labs-store";
import { compileErrorLocations } from "@/app/_lib/workspace-compile-errors";
import { callApi } from "./api";
import { EngineConsole } from "./engine-console";
import { HintLadder } from "./hint-ladder";
import { KeyInspector } from "./key-inspector";
import { CommandLog, SubmissionHistory, VerdictView } from "./results-panel";
import "./workspace.css";

const CodeEditor = dynamic(() => import("./code-editor"), {
  ssr: false,
  loading: () => <p className="workspace__loading">Loading the editor…</p>,
});

/** Quiet time after the last keystroke before the draft is saved. */
const AUTOSAVE_MS = 700;

type Tab = "results" | "console" | "keys" | "log" | "history";
const TABS: { id: Tab; label: string }[] = [
  { id: "results", label: "Results" },
  { id: "console", label: "Console" },
  { id: "keys", label: "Keys" },
  { id: "log", label: "Command log" },
  { id: "history", label: "Submissions" },
];

type SaveState = "saved" | "saving" | "unsaved" | "error";
const SAVE_TEXT: Record<SaveState, string> = { saved: "Draft saved", saving: "Saving…", unsaved: "Unsaved changes", error: "Draft not saved (retrying on the next edit)" };

export interface WorkspaceProps {
  slug: string;
  starter: string;
  initialCode: string;
  hints: string[];
  visibleTestCount: number;
  testCount: number;
  csrfToken: string;
  commandNames: string[];
  initialSubmissions: SubmissionView[];
  /** The statement, rendered on the server. */
  statement: ReactNode;
}

export function Workspace(props: WorkspaceProps) {
  const { slug, starter, csrfToken } = props;
  const [code, setCode] = useState(props.initialCode);
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [running, setRunning] = useState<"run" | "submit" | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [latest, setLatest] = useState<SubmissionView | null>(props.initialSubmissions[0] ?? null);
  const [submissions, setSubmissions] = useState(props.initialSubmissions);
  const [problem, setProblem] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>("results");
  const [engineVersion, setEngineVersion] = useState(0);
  const [mac, setMac] = useState(false);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const codeRef = useRef(code);
  codeRef.current = code;
  const runningRef = useRef(running);
  runningRef.current = running;
  /** A run or submit asked for while grading: it starts when the current one ends. */
  const [queued, setQueued] = useState<"run" | "submit" | null>(null);

  useEffect(() => setMac(/Mac|iPhone|iPad/.test(navigator.platform)), []);

  const saveDraft = useCallback(async () => {
    setSaveState("saving");
    const result = await callApi(`/api/labs/${slug}/draft`, { method: "PUT", body: { code: codeRef.current }, csrfToken });
    setSaveState(result.ok ? "saved" : "error");
  }, [slug, csrfToken]);

  const onChange = (next: string) => {
    setCode(next);
    setSaveState("unsaved");
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => void saveDraft(), AUTOSAVE_MS);
  };

  useEffect(() => () => clearTimeout(saveTimer.current), []);

  const grade = useCallback(
    async (mode: "run" | "submit") => {
      if (runningRef.current) {
        setQueued(mode);
        return;
      }
      runningRef.current = mode;
      setRunning(mode);
      setProblem(null);
      setTab("results");
      const started = performance.now();
      const ticker = setInterval(() => setElapsed(performance.now() - started), 100);
      const result = await callApi<{ submission: SubmissionView }>(`/api/labs/${slug}/run`, { method: "POST", body: { code: codeRef.current, mode }, csrfToken });
      clearInterval(ticker);
      setElapsed(0);
      runningRef.current = null;
      setRunning(null);
      if (!result.ok) {
        setProblem(
          result.status === 429
            ? `You are running code too often: wait ${Math.ceil((result.retryAfterMs ?? 60_000) / 1000)} s and try again. (Up to 10 runs a minute.)`
            : result.error,
        );
        return;
      }
      setLatest(result.data.submission);
      setSubmissions((current) => [result.data.submission, ...current].slice(0, 10));
      setEngineVersion((version) => version + 1);
    },
    [slug, csrfToken],
  );

  useEffect(() => {
    if (running || !queued) return;
    setQueued(null);
    void grade(queued);
  }, [running, queued, grade]);

  // The shortcuts also work outside the editor (Monaco handles them itself inside).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || event.defaultPrevented) return;
      if (event.target instanceof Element && event.target.closest(".monaco-editor")) return;
      event.preventDefault();
      void grade(event.shiftKey ? "submit" : "run");
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [grade]);

  const resetToStarter = async () => {
    if (!window.confirm("Replace your code with the starter code? Your draft will be lost.")) return;
    clearTimeout(saveTimer.current);
    setCode(starter);
    const result = await callApi(`/api/labs/${slug}/draft`, { method: "DELETE", body: {}, csrfToken });
    setSaveState(result.ok ? "saved" : "error");
  };

  const loadCode = (source: string) => onChange(source);

  const verdict = latest?.verdict ?? null;
  const compileErrors = verdict?.sandboxError?.kind === "compile" ? compileErrorLocations(verdict.sandboxError.message) : [];
  const mod = mac ? "⌘" : "Ctrl";
  const testsRunning = running === "submit" ? props.testCount : props.visibleTestCount;

  return (
    <div className="workspace">
      <div className="workspace__statement">
        {props.statement}
        <HintLadder slug={slug} hints={props.hints} />
      </div>
      <div className="workspace__main">
        <div className="workspace__toolbar" role="toolbar" aria-label="Code actions">
          <button type="button" className="button" onClick={() => void grade("run")} aria-keyshortcuts="Control+Enter Meta+Enter">
            Run examples <kbd>{mod}+Enter</kbd>
          </button>
          <button type="button" className="button" onClick={() => void grade("submit")} aria-keyshortcuts="Control+Shift+Enter Meta+Shift+Enter">
            Submit <kbd>{mod}+Shift+Enter</kbd>
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => void resetToStarter()}>
            Reset to starter
          </button>
          <span className="muted small" role="status" data-testid="save-state">
            {SAVE_TEXT[saveState]}
          </span>
        </div>
        <div className="workspace__editor" data-testid="editor">
          <CodeEditor value={code} path={`file:///labs/${slug}/solution.ts`} onChange={onChange} onRun={() => void grade("run")} onSubmit={() => void grade("submit")} errors={compileErrors} onReady={() => performance.mark("workspace:editor-ready")} />
        </div>
        <div className="workspace__panel">
          <div role="tablist" aria-label="Workspace panels" className="tabs">
            {TABS.map((item) => (
              <button
                key={item.id}
                type="button"
                role="tab"
                id={`tab-${item.id}`}
                aria-selected={tab === item.id}
                aria-controls={`panel-${item.id}`}
                tabIndex={tab === item.id ? 0 : -1}
                className="tabs__tab"
                onClick={() => setTab(item.id)}
                onKeyDown={(event) => {
                  if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
                  const index = TABS.findIndex((candidate) => candidate.id === tab);
                  const next = TABS[(index + (event.key === "ArrowRight" ? 1 : TABS.length - 1)) % TABS.length]!;
                  setTab(next.id);
                  document.getElementById(`tab-${next.id}`)?.focus();
                }}
              >
                {item.label}
              </button>
            ))}
          </div>
          <div role="tabpanel" id="panel-results" aria-labelledby="tab-results" hidden={tab !== "results"} className="tabs__panel">
            {running && (
              <div className="grading" role="status" aria-live="polite">
                <progress aria-label="Grading progress" />
                <span>
                  {running === "submit" ? "Grading your submission" : "Running the examples"}: {testsRunning} tests on fresh engines… {(elapsed / 1000).toFixed(1)} s
                </span>
              </div>
            )}
            {queued && (
              <p className="muted" role="status">
                {queued === "submit" ? "Submission" : "Run"} queued: it starts when the current one finishes.
              </p>
            )}
            {problem && (
              <p className="alert alert--error" role="alert">
                {problem}
              </p>
            )}
            {!running && !verdict && !problem && (
              <p className="muted">
                Run the {props.visibleTestCount} example tests with {mod}+Enter, or submit for full grading ({props.testCount} tests, hidden ones included) with {mod}+Shift+Enter.
              </p>
            )}
            {!running && latest && <VerdictView verdict={latest.verdict} submissionId={latest.id} current />}
          </div>
          <div role="tabpanel" id="panel-console" aria-labelledby="tab-console" hidden={tab !== "console"} className="tabs__panel">
            <EngineConsole csrfToken={csrfToken} commandNames={props.commandNames} onCommand={() => setEngineVersion((version) => version + 1)} />
          </div>
          <div role="tabpanel" id="panel-keys" aria-labelledby="tab-keys" hidden={tab !== "keys"} className="tabs__panel">
            {tab === "keys" && <KeyInspector csrfToken={csrfToken} version={engineVersion} busy={running !== null} />}
          </div>
          <div role="tabpanel" id="panel-log" aria-labelledby="tab-log" hidden={tab !== "log"} className="tabs__panel">
            <CommandLog verdict={verdict} />
          </div>
          <div role="tabpanel" id="panel-history" aria-labelledby="tab-history" hidden={tab !== "history"} className="tabs__panel">
            <SubmissionHistory submissions={submissions} onLoad={loadCode} />
          </div>
        </div>
      </div>
    </div>
  );
}
