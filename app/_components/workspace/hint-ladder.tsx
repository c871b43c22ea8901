"use client";

import { useEffect, useState } from "react";

/** Hints one at a time; how many were revealed is remembered in this browser. */
export function HintLadder({ slug, hints }: { slug: string; hints: string[] }) {
  const storageKey = `lab-hints:${slug}`;
  const [revealed, setRevealed] = useState(0);
  useEffect(() => {
    const stored = Number(window.localStorage.getItem(storageKey));
    if (Number.isInteger(stored) && stored > 0) setRevealed(Math.min(stored, hints.length));
  }, [storageKey, hints.length]);

  const reveal = () => {
    const next = Math.min(revealed + 1, hints.length);
    setRevealed(next);
    window.localStorage.setItem(storageKey, String(next));
  };

  if (hints.length === 0) return null;
  return (
    <section className="card hint-ladder" aria-labelledby="hints-title">
      <h2 id="hints-title">Hints</h2>
      {revealed > 0 && (
        <ol className="hint-list" aria-live="polite">
          {hints.slice(0, revealed).map((hint) => (
            <li key={hint}>{hint}</li>
          ))}
        </ol>
      )}
      {revealed < hints.length ? (
        <button type="button" className="button button--secondary button--small" onClick={reveal}>
          Show hint {revealed + 1} of {hints.length}
        </button>
      ) : (
        <p className="muted small">That was the last hint.</p>
      )}
    </section>
  );
}
