"use client";

import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import type { ConsoleResult } from "@/labs/console";
import { callApi } from "./api";

interface Entry {
  id: number;
  input: string;
  lines: string[];
  error: boolean;
}

const HISTORY_LIMIT = 100;

/** A redis-cli for the learner's own engine: history (↑/↓), Tab completion, HELP <command>. */
export function EngineConsole({ csrfToken, commandNames, onCommand }: { csrfToken: string; commandNames: string[]; onCommand(): void }) {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [line, setLine] = useState("");
  const [busy, setBusy] = useState(false);
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const history = useRef<string[]>([]);
  const historyIndex = useRef(-1);
  const nextId = useRef(0);
  const outputRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    outputRef.current?.scrollTo({ top: outputRef.current.scrollHeight });
  }, [entries]);

  const send = async () => {
    const input = line.trim();
    if (!input || busy) return;
    if (input.toLowerCase() === "clear") {
      setEntries([]);
      setLine("");
      return;
    }
    history.current = [input, ...history.current.filter((item) => item !== input)].slice(0, HISTORY_LIMIT);
    historyIndex.current = -1;
    setLine("");
    setSuggestions([]);
    setBusy(true);
    const result = await callApi<ConsoleResult>("/api/engine/command", { method: "POST", body: { line: input }, csrfToken });
    setBusy(false);
    const shown = result.ok ? result.data : { lines: [`(error) ${result.error}`], error: true };
    setEntries((current) => [...current, { id: nextId.current++, input, ...shown }]);
    onCommand();
  };

  /** Completes the command name typed so far; false when nothing matches (Tab then moves focus as usual). */
  const complete = (): boolean => {
    const typed = line.trimStart().toUpperCase();
    const matches = typed ? commandNames.filter((name) => name.startsWith(typed)) : [];
    if (matches.length === 0) {
      setSuggestions([]);
      return false;
    }
    let common = matches[0]!;
    for (const match of matches) while (!match.startsWith(common)) common = common.slice(0, -1);
    if (matches.length === 1) setLine(`${common} `);
    else if (common.length > typed.length) setLine(common);
    setSuggestions(matches.length > 1 ? matches.slice(0, 12) : []);
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      void send();
    } else if (event.key === "Tab" && !event.shiftKey) {
      if (complete()) event.preventDefault();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      const next = Math.min(historyIndex.current + 1, history.current.length - 1);
      if (next >= 0) {
        historyIndex.current = next;
        setLine(history.current[next]!);
      }
    } else if (event.key === "ArrowDown") {
      event.preventDefault();
      const next = historyIndex.current - 1;
      historyIndex.current = Math.max(next, -1);
      setLine(next >= 0 ? history.current[next]! : "");
    }
  };

  return (
    <div className="engine-console">
      <div className="engine-console__output" ref={outputRef} role="log" aria-label="Console output" aria-live="polite" tabIndex={0}>
        {entries.length === 0 && <p className="muted">Your own engine. Try SET greeting hello, then GET greeting. HELP SET explains a command; Tab completes.</p>}
        {entries.map((entry) => (
          <div key={entry.id} className="console-entry">
            <div className="console-entry__input">
              <span aria-hidden="true">engine&gt; </span>
              {entry.input}
            </div>
            <pre className={`console-entry__reply${entry.error ? " console-entry__reply--error" : ""}`}>{entry.lines.join("\n")}</pre>
          </div>
        ))}
      </div>
      <form
        className="engine-console__form"
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <label htmlFor="console-input" className="engine-console__prompt">
          engine&gt;<span className="visually-hidden"> Command for your engine</span>
        </label>
        <input
          id="console-input"
          className="engine-console__input"
          value={line}
          onChange={(event) => setLine(event.target.value)}
          onKeyDown={onKeyDown}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          aria-describedby="console-help"
          aria-busy={busy}
        />
        <button type="submit" className="button button--small" disabled={busy}>
          Send
        </button>
      </form>
      <p id="console-help" className="muted small">
        Enter sends · ↑/↓ history · Tab completes · HELP &lt;command&gt; · CLEAR empties the screen
      </p>
      {suggestions.length > 0 && (
        <p className="small" aria-live="polite">
          Completions: {suggestions.join(", ")}
        </p>
      )}
    </div>
  );
}
