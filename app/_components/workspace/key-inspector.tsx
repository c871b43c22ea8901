"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { KeyInfo, KeyPage, KeyValue } from "@/labs/console";
import { callApi } from "./api";

/** How often the inspector refreshes while visible (faster while tests run). */
const POLL_MS = 2_000;
const FAST_POLL_MS = 500;

function formatTtl(ttlMs: number | null, elapsedMs: number): string {
  if (ttlMs === null) return "no expiry";
  const left = Math.max(0, ttlMs - elapsedMs);
  return left >= 10_000 ? `${Math.ceil(left / 1000)} s` : `${(left / 1000).toFixed(1)} s`;
}

function formatBytes(memory: KeyInfo["memory"]): string {
  if (!memory) return "—";
  const text = memory.bytes < 1024 ? `${memory.bytes} B` : `${(memory.bytes / 1024).toFixed(1)} KB`;
  return memory.estimated ? `≈ ${text}` : text;
}

function ValueView({ value }: { value: KeyValue }) {
  switch (value.type) {
    case "none":
      return <p className="muted">The key no longer exists.</p>;
    case "string":
      return <pre className="value-string">{value.value}</pre>;
    case "list":
      return (
        <ol start={0} className="value-list">
          {value.items.map((item, index) => (
            <li key={index}>{item}</li>
          ))}
          {value.total > value.items.length && <li className="muted">… {value.total - value.items.length} more</li>}
        </ol>
      );
    case "set":
      return (
        <ul className="value-list">
          {value.members.map((member) => (
            <li key={member}>{member}</li>
          ))}
        </ul>
      );
    case "hash":
      return (
        <table className="value-table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {value.fields.map(([field, content]) => (
              <tr key={field}>
                <td>{field}</td>
                <td>{content}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case "zset":
      return (
        <table className="value-table">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {value.members.map(({ member, score }) => (
              <tr key={member}>
                <td>{member}</td>
                <td>{score}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case "stream":
      return (
        <ul className="value-list">
          {value.entries.map((entry) => (
            <li key={entry.id}>
              <code>{entry.id}</code> {entry.fields.map(([field, content]) => `${field}=${content}`).join(" ")}
            </li>
          ))}
        </ul>
      );
    default:
      return <p className="muted">The inspector cannot show values of type {value.name}.</p>;
  }
}

/** The learner's keys with type, TTL counting down, memory, and each value; polls while shown. */
export function KeyInspector({ csrfToken, version, busy }: { csrfToken: string; version: number; busy: boolean }) {
  const [page, setPage] = useState<KeyPage | null>(null);
  const [fetchedAt, setFetchedAt] = useState(0);
  const [now, setNow] = useState(0);
  const [match, setMatch] = useState("*");
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [value, setValue] = useState<KeyValue | null>(null);
  const [status, setStatus] = useState("");
  const matchRef = useRef(match);
  matchRef.current = match;

  const refresh = useCallback(async () => {
    const result = await callApi<KeyPage>(`/api/engine/keys?${new URLSearchParams({ match: matchRef.current || "*" })}`);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    setPage(result.data);
    setFetchedAt(Date.now());
    setNow(Date.now());
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh, version]);

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void refresh();
    }, busy ? FAST_POLL_MS : POLL_MS);
    return () => clearInterval(timer);
  }, [refresh, busy]);

  useEffect(() => {
    const ticker = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(ticker);
  }, []);

  useEffect(() => {
    if (!selected) return;
    let cancelled = false;
    void callApi<KeyValue>(`/api/engine/value?${new URLSearchParams({ key: selected })}`).then((result) => {
      if (!cancelled) setValue(result.ok ? result.data : null);
    });
    return () => {
      cancelled = true;
    };
  }, [selected, fetchedAt]);

  const reset = async () => {
    setStatus("Resetting your engine…");
    const result = await callApi("/api/engine/reset", { method: "POST", body: {}, csrfToken });
    setStatus(result.ok ? "Your engine was reset: it holds no keys." : result.error);
    setSelected(null);
    void refresh();
  };

  return (
    <div className="key-inspector">
      <div className="key-inspector__toolbar">
        <label htmlFor="inspector-match">Pattern</label>
        <input id="inspector-match" value={match} onChange={(event) => setMatch(event.target.value)} onBlur={() => void refresh()} spellCheck={false} />
        <button type="button" className="button button--secondary button--small" onClick={() => void refresh()}>
          Refresh
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => void reset()}>
          Reset engine
        </button>
        <span className="muted small" role="status">
          {status}
        </span>
      </div>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      {!page && !error && <p className="muted">Starting your engine…</p>}
      {page && page.keys.length === 0 && <p className="muted">No keys{match !== "*" ? ` match ${match}` : ""}. Create some in the console.</p>}
      {page && page.keys.length > 0 && (
        <div className="table-wrap">
          <table className="key-table" data-testid="key-table">
            <caption className="visually-hidden">Keys in your engine</caption>
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Type</th>
                <th scope="col">TTL</th>
                <th scope="col">Memory</th>
              </tr>
            </thead>
            <tbody>
              {page.keys.map((key) => (
                <tr key={key.key}>
                  <td>
                    <button type="button" className="link-button" onClick={() => setSelected(key.key)} aria-pressed={selected === key.key}>
                      {key.key}
                    </button>
                  </td>
                  <td>{key.type}</td>
                  <td>{formatTtl(key.ttlMs, now - fetchedAt)}</td>
                  <td title={key.memory?.estimated ? "Estimated: this engine has no MEMORY USAGE" : "MEMORY USAGE"}>{formatBytes(key.memory)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {page.cursor !== "0" && <p className="muted small">More keys exist: narrow the pattern to see them.</p>}
        </div>
      )}
      {selected && (
        <section className="key-value" aria-label={`Value of ${selected}`}>
          <h4>
            {selected} {value && value.type !== "none" && <span className="muted">({value.type}{"total" in value ? `, ${value.total} items` : ""})</span>}
          </h4>
          {value ? <ValueView value={value} /> : <p className="muted">Loading…</p>}
        </section>
      )}
    </div>
  );
}
