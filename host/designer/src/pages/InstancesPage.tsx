import { useEffect, useState } from "react";
import type { InstancePage as Page, WorkflowStatus } from "../api/types";
import { useApp } from "../AppContext";
import { Link, navigate, useRoute } from "../router";
import { ErrorNote } from "../ui/ErrorNote";
import { durationBetween, formatDuration, formatTime } from "../ui/format";
import { Pager } from "../ui/Pager";
import { StatusBadge } from "../ui/StatusBadge";

const STATUSES: WorkflowStatus[] = ["Running", "Suspended", "Completed", "Faulted", "Cancelled"];
const PAGE_SIZE = 20;
const REFRESH_MS = 3000;

/** Instances, newest first, filtered by workflow and status (kept in the address, so a filtered list can be shared). */
export function InstancesPage() {
  const { api } = useApp();
  const { query } = useRoute();
  const definitionId = query.get("definitionId") ?? "";
  const status = (query.get("status") ?? "") as WorkflowStatus | "";
  const page = Math.max(1, Number(query.get("page") ?? "1") || 1);
  const [data, setData] = useState<Page | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [filterText, setFilterText] = useState(definitionId);

  const go = (next: { definitionId?: string; status?: string; page?: number }) => {
    const params = new URLSearchParams();
    const d = next.definitionId ?? definitionId;
    const s = next.status ?? status;
    if (d) params.set("definitionId", d);
    if (s) params.set("status", s);
    if ((next.page ?? 1) > 1) params.set("page", String(next.page));
    const text = params.toString();
    navigate(`/instances${text ? `?${text}` : ""}`, { replace: true });
  };

  useEffect(() => {
    let stopped = false;
    const load = () => api.instances({ definitionId: definitionId || undefined, status, page, pageSize: PAGE_SIZE })
      .then((d) => { if (!stopped) { setData(d); setError(null); } }, (e) => { if (!stopped) setError(e); });
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => { stopped = true; clearInterval(timer); };
  }, [api, definitionId, status, page]);

  return (
    <div className="page">
      <div className="page-header">
        <h1>Instances</h1>
        <form className="filters" onSubmit={(e) => { e.preventDefault(); go({ definitionId: filterText.trim(), page: 1 }); }}>
          <input type="search" placeholder="Workflow id" aria-label="Workflow id" value={filterText} onChange={(e) => setFilterText(e.target.value)} />
          <select aria-label="Status" value={status} onChange={(e) => go({ status: e.target.value, page: 1 })}>
            <option value="">any status</option>
            {STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
          <button type="submit">Filter</button>
        </form>
      </div>
      <ErrorNote error={error} />
      {data === null ? <p className="muted">Loading…</p> : (
        <>
          <table className="table" aria-label="Workflow instances">
            <thead>
              <tr><th>Instance</th><th>Workflow</th><th>Status</th><th>Started</th><th>Duration</th><th>Failures</th></tr>
            </thead>
            <tbody>
              {data.items.map((i) => (
                <tr key={i.id} data-instance-id={i.id}>
                  <td><Link to={`/instances/${encodeURIComponent(i.id)}`}><code>{i.id}</code></Link></td>
                  <td>{i.definitionId} v{i.definitionVersion}{i.correlationId ? <div className="muted">{i.correlationId}</div> : null}</td>
                  <td><StatusBadge status={i.status} /></td>
                  <td>{formatTime(i.createdAt)}</td>
                  <td>{formatDuration(durationBetween(i.createdAt, i.finishedAt))}</td>
                  <td>{i.incidentCount > 0 ? <span className="error-text">{i.incidentCount}</span> : 0}</td>
                </tr>
              ))}
              {data.items.length === 0 && <tr><td colSpan={6} className="muted">No instance matches.</td></tr>}
            </tbody>
          </table>
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(p) => go({ page: p })} />
        </>
      )}
    </div>
  );
}
