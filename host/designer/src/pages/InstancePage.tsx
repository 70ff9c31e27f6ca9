import { ReactFlowProvider } from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { InstanceDetails } from "../api/types";
import { canOperate, useApp } from "../AppContext";
import { Breadcrumbs } from "../designer/Breadcrumbs";
import { Canvas } from "../designer/Canvas";
import { activityStates } from "../model/instanceState";
import { type ScopeStep, resolveView, stepsTo } from "../model/scope";
import type { WorkflowJson } from "../model/workflow";
import { Link } from "../router";
import { Journal } from "../run/Journal";
import { SignalForm } from "../run/SignalForm";
import { ErrorNote } from "../ui/ErrorNote";
import { usePolling } from "../ui/usePolling";
import { durationBetween, formatDuration, formatTime } from "../ui/format";
import { Icon } from "../ui/Icon";
import { StatusBadge } from "../ui/StatusBadge";

// How often a live instance is read again: often while it runs, less while it waits.
const RUNNING_POLL_MS = 600;
const SUSPENDED_POLL_MS = 2000;

export function InstancePage({ instanceId }: { instanceId: string }) {
  return (
    <ReactFlowProvider>
      <InstanceView key={instanceId} instanceId={instanceId} />
    </ReactFlowProvider>
  );
}

/** One instance, live: its workflow with every activity coloured by state, the journal, and what can be done to it. */
function InstanceView({ instanceId }: { instanceId: string }) {
  const { api, catalog, me } = useApp();
  const [actionError, setActionError] = useState<unknown>(null);
  const [definition, setDefinition] = useState<WorkflowJson | null>(null);
  const [definitionError, setDefinitionError] = useState<unknown>(null);
  const [steps, setSteps] = useState<ScopeStep[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  // After a retry, cancel or signal the host queues the work: the instance looks unchanged until a worker takes it,
  // so polling goes on until its status or journal moves (or a minute passes).
  const awaiting = useRef<{ status: string; journal: number; until: number } | null>(null);
  const latest = useRef<InstanceDetails | null>(null);
  const refresh = useCallback(() => {
    const d = latest.current;
    awaiting.current = d ? { status: d.summary.status, journal: d.journal?.length ?? 0, until: Date.now() + 60_000 } : null;
    setGeneration((g) => g + 1);
  }, []);
  const { value: details, error: pollError } = usePolling(() => api.instance(instanceId), (d) => {
    latest.current = d;
    const a = awaiting.current;
    if (a && (a.status !== d.summary.status || a.journal !== (d.journal?.length ?? 0) || Date.now() > a.until)) awaiting.current = null;
    if (d.summary.status === "Running" || awaiting.current) return RUNNING_POLL_MS;
    return d.summary.status === "Suspended" ? SUSPENDED_POLL_MS : null;
  }, `${instanceId}#${generation}`);
  const error = pollError ?? definitionError;

  const definitionKey = details ? `${details.summary.definitionId}@${details.summary.definitionVersion}` : null;
  useEffect(() => {
    if (!details) return;
    api.definition(details.summary.definitionId, details.summary.definitionVersion).then((r) => setDefinition(r.definition), setDefinitionError);
    // Only the definition version matters here, not every poll.
  }, [api, definitionKey]);

  const states = useMemo(() => (details ? activityStates(details) : new Map()), [details]);
  const view = useMemo(() => (definition ? resolveView(definition, catalog, steps) : null), [definition, catalog, steps]);

  const act = async (action: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await action();
      refresh();
    } catch (e) {
      setActionError(e);
    }
  };
  const pick = (activityId: string) => {
    setSelected(activityId);
    if (definition) {
      const path = stepsTo(definition, catalog, activityId);
      if (path) setSteps(path);
    }
  };

  if (error && !details) return <div className="page"><ErrorNote error={error} /></div>;
  if (!details) return <div className="page muted">Loading instance {instanceId}…</div>;
  const s = details.summary;
  const journal = (details.journal ?? []).filter((e) => !selected || e.activityId === selected);
  const operate = canOperate(me);

  return (
    <div className="instance">
      <div className="instance-header">
        <div>
          <h1>Instance <code>{s.id}</code></h1>
          <div className="muted">
            <Link to={`/definitions/${encodeURIComponent(s.definitionId)}?version=${s.definitionVersion}`}>{s.definitionId} v{s.definitionVersion}</Link>
            {" · "}started {formatTime(s.createdAt)} · {formatDuration(durationBetween(s.createdAt, s.finishedAt))}
            {s.correlationId ? ` · correlation ${s.correlationId}` : ""}
          </div>
        </div>
        <div className="instance-status" data-instance-status={s.status}><StatusBadge status={s.status} /></div>
        <div className="tool-group">
          {operate && s.status === "Faulted" && (
            <button type="button" className="tool primary" onClick={() => void act(() => api.retry(s.id))}><Icon name="rotate-cw" /> Retry</button>
          )}
          {operate && (s.status === "Running" || s.status === "Suspended" || s.status === "Faulted") && (
            <button type="button" className="tool" onClick={() => void act(() => api.cancel(s.id))}><Icon name="stop" /> Cancel</button>
          )}
          <button type="button" className="tool" onClick={refresh}>Refresh</button>
        </div>
      </div>
      <ErrorNote error={actionError} />
      {error !== null && <ErrorNote error={error} />}
      <div className="instance-body">
        <div className="instance-main">
          {view && definition ? (
            <>
              <Breadcrumbs crumbs={view.crumbs} onOpen={setSteps} />
              <Canvas view={view} catalog={catalog} readOnly states={states} selectedId={selected}
                onSelect={(sel) => setSelected(sel && "activityId" in sel ? sel.activityId : null)}
                onOpenSlot={(ownerId, slot) => setSteps([...view.steps, { ownerId, slot }])} />
            </>
          ) : <div className="canvas muted">Loading the workflow…</div>}
          <section className="journal-section">
            <h2>
              Journal {selected && <>of <code>{selected}</code> <button type="button" className="link" onClick={() => setSelected(null)}>show all</button></>}
            </h2>
            <Journal entries={journal} onPick={pick} />
          </section>
        </div>
        <aside className="instance-side" aria-label="Instance details">
          {details.incidents.length > 0 && (
            <section className="incidents" aria-label="Incidents">
              <h3>Why it faulted</h3>
              {details.incidents.map((i, n) => (
                <div key={n} className="incident">
                  <button type="button" className="link" onClick={() => pick(i.activityId)}>{i.activityId}</button> ({i.activityType})
                  <div className="error-text">{i.message}</div>
                  <div className="muted">{i.errorType} · {formatTime(i.timestamp)}</div>
                </div>
              ))}
            </section>
          )}
          {operate && details.bookmarks.length > 0 && s.status === "Suspended" && (
            <SignalForm instanceId={s.id} bookmarks={details.bookmarks} onSent={refresh} />
          )}
          <section aria-label="Input">
            <h3>Input</h3>
            <pre className="json">{JSON.stringify(details.input ?? {}, null, 2)}</pre>
          </section>
          {details.output && (
            <section aria-label="Output">
              <h3>Output</h3>
              <pre className="json">{JSON.stringify(details.output, null, 2)}</pre>
            </section>
          )}
        </aside>
      </div>
    </div>
  );
}
