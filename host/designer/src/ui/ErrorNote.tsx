import { ApiError } from "../api/client";

/** What went wrong, in the host's words, with each field it named. */
export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof ApiError) {
    return (
      <div className="error-note" role="alert">
        <strong>{error.title}</strong>
        {error.detail && <div>{error.detail}</div>}
        {error.problems.length > 0 && (
          <ul>{error.problems.map((p, i) => <li key={i}><code>{p.path}</code> {p.message}</li>)}</ul>
        )}
      </div>
    );
  }
  return <div className="error-note" role="alert">{error instanceof Error ? error.message : String(error)}</div>;
}
