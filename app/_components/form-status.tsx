/** Form-wide error or success message, announced to screen readers when it appears. */
export function FormStatus({ error, success }: { error?: string; success?: string }) {
  return (
    <div aria-live="polite">
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      {success && (
        <p className="alert alert--success" role="status">
          {success}
        </p>
      )}
    </div>
  );
}
