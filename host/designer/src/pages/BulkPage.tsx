import { type FormEvent, useState } from "react";
import type { BulkOperation } from "../api/types";
import { canOperate, useApp } from "../AppContext";
import { Link, navigate } from "../router";
import { ErrorNote } from "../ui/ErrorNote";
import { StatusBadge } from "../ui/StatusBadge";
import { usePolling } from "../ui/usePolling";
import { parseIds } from "../model/ids";

const POLL_MS = 1000;
const FINISHED = new Set(["Completed", "Faulted", "Cancelled"]);

/** Starts a bulk start/stop/restart of stream jobs, or follows one: per-job progress and results, read every second. */
export function BulkPage({ instanceId }: { instanceId?: string }) {
  return instanceId ? <BulkProgress instanceId={instanceId} /> : <BulkForm />;
}

function BulkForm() {
  const { api, me } = useApp();
  const [operation, setOperation] = useState<BulkOperation>("start");
  const [by, setBy] = useState<"jobIds" | "taskIds">("jobIds");
  const [ids, setIds] = useState("");
  const [snapshot, setSnapshot] = useState(false);
  const [parallelism, setParallelism] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseIds(ids);
    if (parsed.error || parsed.ids.length === 0) {
      setFieldError(`${by === "jobIds" ? "Job ids" : "Task ids"}: ${parsed.error ?? "give at least one"}`);
      return;
    }
    const p = parallelism.trim() === "" ? undefined : Number(parallelism);
    if (p !== undefined && (!Number.isInteger(p) || p < 1)) {
      setFieldError("Parallelism: a whole number of 1 or more");
      return;
    }
    setFieldError(null);
    setError(null);
    try {
      const started = await api.startBulk({ operation, [by]: parsed.ids, snapshot, parallelism: p });
      navigate(`/bulk/${encodeURIComponent(started.instanceId)}`);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="page">
      <div className="page-header"><h1>Bulk operation</h1></div>
      <form className="bulk-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="bulk-operation">Operation</label>
          <select id="bulk-operation" value={operation} onChange={(e) => setOperation(e.target.value as BulkOperation)}>
            <option value="start">start</option>
            <option value="stop">stop</option>
            <option value="restart">restart</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="bulk-by">Choose by</label>
          <select id="bulk-by" value={by} onChange={(e) => setBy(e.target.value as "jobIds" | "taskIds")}>
            <option value="jobIds">job ids</option>
            <option value="taskIds">task ids</option>
          </select>
        </div>
        <div className={`field${fieldError ? " field-invalid" : ""}`}>
          <label htmlFor="bulk-ids">{by === "jobIds" ? "Job ids" : "Task ids"}</label>
          <textarea id="bulk-ids" rows={3} value={ids} placeholder="12, 13, 14" onChange={(e) => setIds(e.target.value)} />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={snapshot} onChange={(e) => setSnapshot(e.target.checked)} /> take a savepoint when stopping
        </label>
        <div className="field">
          <label htmlFor="bulk-parallelism">Jobs at a time</label>
          <input id="bulk-parallelism" type="text" inputMode="numeric" value={parallelism} placeholder="host default"
            onChange={(e) => setParallelism(e.target.value)} />
        </div>
        {fieldError && <div className="field-error" role="alert">{fieldError}</div>}
        <ErrorNote error={error} />
        <button type="submit" className="primary" disabled={!canOperate(me)}>Start bulk {operation}</button>
      </form>
    </div>
  );
}

function BulkProgress({ instanceId }: { instanceId: string }) {
  const { api } = useApp();
  const { value: run, error } = usePolling(() => api.bulk(instanceId), (r) => (FINISHED.has(r.status) ? null : POLL_MS), instanceId);
  if (!run) return <div className="page">{error ? <ErrorNote error={error} /> : <p className="muted">Loading…</p>}</div>;
  const percent = run.total === 0 ? 100 : Math.round((run.done / run.total) * 100);
  return (
    <div className="page">
      <div className="page-header">
        <h1>Bulk {run.operation}</h1>
        <StatusBadge status={run.status} />
        <Link to={`/instances/${encodeURIComponent(run.instanceId)}`}>Open the workflow instance</Link>
      </div>
      <ErrorNote error={error} />
      <div className="bulk-summary">
        <progress max={run.total} value={run.done} aria-label="Jobs done">{percent}%</progress>
        <span>{run.done} of {run.total} done · <span className="ok-text">{run.succeeded} succeeded</span> · <span className="error-text">{run.failed} failed</span></span>
      </div>
      <table className="table" aria-label="Jobs">
        <thead><tr><th>Job</th><th>Task</th><th>Status</th><th>Message</th><th>Savepoint</th></tr></thead>
        <tbody>
          {run.items.map((item) => (
            <tr key={`${item.jobId}-${item.taskId ?? ""}`} data-job-id={item.jobId}>
              <td>{item.jobName ?? item.jobId} <span className="muted">#{item.jobId}</span></td>
              <td>{item.taskId ?? ""}</td>
              <td><StatusBadge status={item.status} /></td>
              <td>{item.message}</td>
              <td>{item.savepointPath && <code>{item.savepointPath}</code>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
