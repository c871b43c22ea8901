"use client";

import { useId } from "react";

/** A labelled range slider with its value shown next to it. */
export function Slider({ label, value, min, max, step = 1, unit, onChange }: { label: string; value: number; min: number; max: number; step?: number; unit?: string; onChange: (value: number) => void }) {
  const id = useId();
  return (
    <div className="sim-control">
      <label htmlFor={id}>
        {label}: <output htmlFor={id}>{value.toLocaleString("en")}{unit ? ` ${unit}` : ""}</output>
      </label>
      <input id={id} type="range" min={min} max={max} step={step} value={value} onChange={(e) => onChange(Number(e.target.value))} />
    </div>
  );
}

export function Choice<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: { value: T; label: string }[]; onChange: (value: T) => void }) {
  return (
    <fieldset className="sim-control sim-choice">
      <legend>{label}</legend>
      {options.map((o) => (
        <label key={o.value}>
          <input type="radio" checked={value === o.value} onChange={() => onChange(o.value)} /> {o.label}
        </label>
      ))}
    </fieldset>
  );
}

export const chartColors = { a: "var(--accent)", b: "var(--link)", c: "var(--success)", grid: "var(--border)", text: "var(--text-muted)" };

export const formatBytes = (bytes: number) =>
  bytes >= 1e12 ? `${(bytes / 1e12).toFixed(2)} TB` : bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.round(bytes / 1e3)} KB`;
