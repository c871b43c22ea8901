/** A labelled native <progress>, which screen readers announce as a percentage. */
export function ProgressBar({ label, done, total }: { label: string; done: number; total: number }) {
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div className="progress">
      <div className="progress__label">
        <span>{label}</span>
        <span>
          {done} of {total} · {percent}%
        </span>
      </div>
      <progress max={Math.max(total, 1)} value={done} aria-label={`${label}: ${percent}% complete`}>
        {percent}%
      </progress>
    </div>
  );
}
