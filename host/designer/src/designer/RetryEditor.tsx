import { type Json, type JsonObject } from "../model/workflow";

const FIELDS: { name: string; label: string; placeholder: string; number?: boolean }[] = [
  { name: "maxAttempts", label: "Attempts (first included)", placeholder: "3", number: true },
  { name: "initialDelay", label: "First wait", placeholder: "1s" },
  { name: "backoffFactor", label: "Back-off factor", placeholder: "2", number: true },
  { name: "maxDelay", label: "Longest wait", placeholder: "5m" },
  { name: "jitter", label: "Jitter (±fraction)", placeholder: "0.1", number: true },
];

/** An activity's retry policy: off, or attempts with exponential back-off. */
export function RetryEditor({ activityId, retry, problems, readOnly, onChange }: {
  activityId: string; retry: JsonObject | undefined; problems: string[]; readOnly?: boolean; onChange: (retry: JsonObject | undefined) => void;
}) {
  const set = (name: string, value: Json | undefined) => {
    const next: JsonObject = { ...(retry ?? {}) };
    if (value === undefined) delete next[name];
    else next[name] = value;
    onChange(next);
  };
  return (
    <fieldset className="retry" disabled={readOnly}>
      <legend>
        <label>
          <input type="checkbox" checked={retry !== undefined}
            onChange={(e) => onChange(e.target.checked ? { maxAttempts: 3, initialDelay: "1s", backoffFactor: 2, retryOn: "transient" } : undefined)} />
          {" "}Retry when it fails
        </label>
      </legend>
      {retry && (
        <div className="retry-fields">
          {FIELDS.map((f) => (
            <label key={f.name} className="inline-field">
              <span>{f.label}</span>
              <input type="text" id={`retry-${activityId}-${f.name}`} placeholder={f.placeholder}
                value={retry[f.name] === undefined ? "" : String(retry[f.name])}
                onChange={(e) => {
                  const text = e.target.value.trim();
                  const n = Number(text);
                  set(f.name, text === "" ? undefined : f.number && Number.isFinite(n) ? n : text);
                }} />
            </label>
          ))}
          <label className="inline-field">
            <span>Retry on</span>
            <select value={String(retry.retryOn ?? "transient")} onChange={(e) => set("retryOn", e.target.value)}>
              <option value="transient">transient errors (time-outs, I/O, HTTP)</option>
              <option value="all">every error</option>
            </select>
          </label>
        </div>
      )}
      {problems.map((m, i) => <div key={i} className="field-error" role="alert">{m}</div>)}
    </fieldset>
  );
}
