import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { DefinitionResponse } from "../api/types";
import { canAdminister, useApp } from "../AppContext";
import { ActivityPanel } from "../designer/ActivityPanel";
import { Breadcrumbs } from "../designer/Breadcrumbs";
import { Canvas } from "../designer/Canvas";
import { DesignerToolbar } from "../designer/DesignerToolbar";
import { downloadText } from "../designer/download";
import { fieldId } from "../designer/InputField";
import { Palette } from "../designer/Palette";
import { ProblemList } from "../designer/ProblemList";
import { useValidation } from "../designer/useValidation";
import { VersionsDialog } from "../designer/VersionsDialog";
import { WorkflowPanel } from "../designer/WorkflowPanel";
import { addActivity, connect, disconnect, moveActivities, newActivity, removeActivities, reorder } from "../model/edits";
import { type History, record, redo, startHistory, undo } from "../model/history";
import { NODE_WIDTH } from "../model/graph";
import { layoutPositions } from "../model/layout";
import { type LocatedProblem, locateAll, problemsByActivity } from "../model/problems";
import { type ScopeStep, resolveView, stepsTo } from "../model/scope";
import { findPlacement } from "../model/tree";
import { type ConnectionJson, DEFAULT_OUTCOME, type Position, type WorkflowJson, positionOf } from "../model/workflow";
import { setLeaveGuard } from "../router";
import { RunDialog } from "../run/RunDialog";
import { ErrorNote } from "../ui/ErrorNote";

type Selection = { activityId: string } | { connection: ConnectionJson } | null;
type Status = { kind: "info" | "error" | "success"; text: string } | null;

const AUTOSAVE_MS = 1500;

export function DesignerPage({ definitionId, version }: { definitionId: string; version?: number }) {
  return (
    <ReactFlowProvider>
      <DesignerEditor key={`${definitionId}@${version ?? "latest"}`} definitionId={definitionId} version={version} />
    </ReactFlowProvider>
  );
}

function isEditingText(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

function DesignerEditor({ definitionId, version }: { definitionId: string; version?: number }) {
  const { api, catalog, me } = useApp();
  const flow = useReactFlow();
  const readOnly = !canAdminister(me);
  const [loaded, setLoaded] = useState<DefinitionResponse | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [history, setHistory] = useState<History<WorkflowJson> | null>(null);
  const [savedText, setSavedText] = useState("");
  const [steps, setSteps] = useState<ScopeStep[]>([]);
  const [selection, setSelection] = useState<Selection>(null);
  const [status, setStatus] = useState<Status>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [dialog, setDialog] = useState<"run" | "versions" | null>(null);
  const [autosave, setAutosave] = useState(true);

  useEffect(() => {
    api.definition(definitionId, version ?? "latest").then((r) => {
      setLoaded(r);
      setHistory(startHistory(r.definition));
      setSavedText(JSON.stringify(r.definition));
    }, setLoadError);
  }, [api, definitionId, version]);

  const definition = history?.present;
  const view = useMemo(() => (definition ? resolveView(definition, catalog, steps) : null), [definition, catalog, steps]);
  useEffect(() => {
    // An undo or a delete can take away what the canvas was showing: fall back to what still exists.
    if (view && view.steps.length < steps.length) setSteps(view.steps);
  }, [view, steps]);
  const dirty = useMemo(() => definition !== undefined && JSON.stringify(definition) !== savedText, [definition, savedText]);
  const { problems, validating, setProblems } = useValidation(api, catalog, definition);
  const byActivity = useMemo(() => problemsByActivity(problems), [problems]);
  const badConnections = useMemo(() => new Set(problems.flatMap((p) =>
    p.target.kind === "activity" && p.target.activityId === view?.owner?.id && p.target.field.kind === "connection" ? [p.target.field.index] : [])),
  [problems, view]);

  const apply = useCallback((next: WorkflowJson, key?: string) => {
    setHistory((h) => (h ? record(h, next, key) : h));
    setStatus(null);
  }, []);

  const headerProblems = useMemo(() => problems.filter((p) => p.path === "$.id" || p.path === "$.name"), [problems]);
  // Saves run one after another (an autosave in flight, then a publish), each with the definition of its moment.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const save = useCallback((publish = false) => {
    if (!definition || readOnly) return queue.current;
    if (headerProblems.length > 0) {
      setStatus({ kind: "error", text: `Cannot save: ${headerProblems.map((p) => `${p.path} ${p.message}`).join("; ")}` });
      return queue.current;
    }
    const run = async () => {
      setSaving(true);
      setSaveError(null);
      try {
        if (publish) {
          // Checked first, so a definition with problems is never sent to be published (and refused).
          const check = await api.validate(definition);
          if (!check.valid) {
            setProblems(locateAll(definition, catalog, check.problems));
            setStatus({ kind: "error", text: `Fix ${check.problems.length === 1 ? "the problem" : `the ${check.problems.length} problems`} below before publishing.` });
            return;
          }
        }
        const saved = await api.save(definition, publish);
        setSavedText(JSON.stringify(definition));
        setLoaded((r) => (r ? { ...r, version: saved.version, isPublished: saved.isPublished } : r));
        setStatus({ kind: "success", text: publish ? `Published version ${saved.version}.` : `Saved draft version ${saved.version}.` });
      } catch (e) {
        setSaveError(e);
        setStatus(null);
      } finally {
        setSaving(false);
      }
    };
    queue.current = queue.current.then(run);
    return queue.current;
  }, [api, catalog, definition, readOnly, headerProblems, setProblems]);

  useEffect(() => {
    if (!autosave || !dirty || readOnly || saving || headerProblems.length > 0) return;
    const timer = setTimeout(() => void save(false), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [autosave, dirty, readOnly, saving, headerProblems.length, save]);

  useEffect(() => {
    setLeaveGuard(dirty ? () => confirm("Leave without saving your changes?") : null);
    const beforeUnload = (e: BeforeUnloadEvent) => { if (dirty) e.preventDefault(); };
    window.addEventListener("beforeunload", beforeUnload);
    return () => {
      setLeaveGuard(null);
      window.removeEventListener("beforeunload", beforeUnload);
    };
  }, [dirty]);

  const doUndo = useCallback(() => setHistory((h) => (h ? undo(h) : h)), []);
  const doRedo = useCallback(() => setHistory((h) => (h ? redo(h) : h)), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === "s") {
        e.preventDefault();
        void save(false);
      } else if (!isEditingText(e.target) && !readOnly && (key === "z" || key === "y")) {
        e.preventDefault();
        if (key === "y" || e.shiftKey) doRedo();
        else doUndo();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [save, doUndo, doRedo, readOnly]);

  const selectActivity = useCallback((id: string | null) => setSelection(id ? { activityId: id } : null), []);
  const openSlot = useCallback((ownerId: string, slot: string) => {
    setSteps((current) => [...(view?.steps ?? current), { ownerId, slot }]);
    setSelection(null);
  }, [view]);

  const addOfType = useCallback((type: string, position?: Position) => {
    if (!definition || !view || readOnly) return;
    const activity = newActivity(definition, catalog, type);
    let at = position;
    if (!at && view.mode === "flowchart") {
      const placed = view.activities.map(positionOf).filter((p): p is Position => p !== undefined);
      const right = placed.reduce<Position | null>((best, p) => (!best || p.x > best.x ? p : best), null);
      at = right ? { x: right.x + 280, y: right.y } : { x: 0, y: 0 };
    }
    apply(addActivity(definition, catalog, view, activity, view.mode === "flowchart" ? at : undefined));
    setSelection({ activityId: activity.id });
  }, [definition, view, catalog, readOnly, apply]);

  const onConnect = useCallback((c: ConnectionJson) => {
    if (definition && view?.owner) apply(connect(definition, catalog, view.owner.id, c));
  }, [definition, view, catalog, apply]);
  const onDelete = useCallback((ids: string[], connections: ConnectionJson[]) => {
    if (!definition || !view) return;
    let next = removeActivities(definition, catalog, ids);
    if (connections.length > 0 && view.owner) next = disconnect(next, catalog, view.owner.id, connections);
    apply(next);
    setSelection(null);
  }, [definition, view, catalog, apply]);
  const onMove = useCallback((positions: Map<string, Position>) => {
    if (definition) apply(moveActivities(definition, catalog, positions));
  }, [definition, catalog, apply]);
  const onReorder = useCallback((ids: string[]) => {
    if (definition && view?.owner) apply(reorder(definition, catalog, view.owner.id, view.slot, ids));
  }, [definition, view, catalog, apply]);

  const autoLayout = useCallback(async () => {
    if (!definition || !view || view.mode !== "flowchart") return;
    const nodes = flow.getNodes().map((n) => ({ id: n.id, width: n.measured?.width ?? NODE_WIDTH, height: n.measured?.height ?? 100 }));
    const edges = (view.owner?.connections ?? []).map((c) => ({ source: c.from, target: c.to }));
    apply(moveActivities(definition, catalog, await layoutPositions(nodes, edges)));
    setTimeout(() => void flow.fitView({ padding: 0.15, duration: 200 }), 50);
  }, [definition, view, flow, catalog, apply]);

  const pickProblem = useCallback((p: LocatedProblem) => {
    if (!definition) return;
    if (p.target.kind === "activity") {
      const target = p.target;
      const path = stepsTo(definition, catalog, target.activityId);
      if (path) setSteps(path);
      setSelection({ activityId: target.activityId });
      if (target.field.kind === "input") {
        const id = fieldId(target.activityId, target.field.name);
        setTimeout(() => document.getElementById(id)?.focus(), 50);
      }
    } else {
      setSelection(null);
    }
  }, [definition, catalog]);

  if (loadError) return <div className="page"><ErrorNote error={loadError} /></div>;
  if (!definition || !view || !loaded || !history) return <div className="page muted">Loading {definitionId}…</div>;

  const selectedId = selection && "activityId" in selection ? selection.activityId : null;
  const selectedActivity = selectedId ? findPlacement(definition, catalog, selectedId)?.activity : undefined;
  const selectedConnection = selection && "connection" in selection ? selection.connection : null;
  const runNote = dirty || !loaded.isPublished ? "The canvas has changes that are not published: this runs the published version." : undefined;

  return (
    <div className="designer">
      <DesignerToolbar
        state={{
          title: definition.name, definitionId, version: loaded.version, published: loaded.isPublished, dirty, readOnly,
          canUndo: history.past.length > 0, canRedo: history.future.length > 0, canLayout: view.mode === "flowchart",
          saving, autosave,
        }}
        actions={{
          undo: doUndo, redo: doRedo, layout: () => void autoLayout(), fit: () => void flow.fitView({ padding: 0.15, duration: 200 }),
          save: () => void save(false), publish: () => void save(true), run: () => setDialog("run"), versions: () => setDialog("versions"),
          exportJson: () => downloadText(`${definitionId}.json`, JSON.stringify(definition, null, 2)), setAutosave,
        }}
      />
      {(status || saveError !== null) && (
        <div className={`status-line status-line-${status?.kind ?? "error"}`} role="status">
          {status?.text}
          <ErrorNote error={saveError} />
        </div>
      )}
      <div className="designer-body">
        <Palette catalog={catalog} disabled={readOnly} onAdd={(type) => addOfType(type)} />
        <main className="designer-center">
          <Breadcrumbs crumbs={view.crumbs} onOpen={(s) => { setSteps(s); setSelection(null); }} />
          <Canvas view={view} catalog={catalog} readOnly={readOnly} problems={byActivity} badConnections={badConnections}
            selectedId={selectedId}
            onSelect={(s) => setSelection(s)} onOpenSlot={openSlot} onConnect={onConnect} onDelete={onDelete}
            onMove={onMove} onReorder={onReorder} onDropActivity={(type, position) => addOfType(type, position)} />
          <ProblemList problems={problems} validating={validating} onPick={pickProblem} />
        </main>
        <aside className="designer-panel" aria-label="Properties">
          {selectedActivity ? (
            <ActivityPanel definition={definition} catalog={catalog} activity={selectedActivity} view={view} problems={problems}
              readOnly={readOnly} apply={apply} onOpenSlot={openSlot} onSelect={selectActivity} />
          ) : selectedConnection ? (
            <div className="panel">
              <header className="panel-header"><h2>Connection</h2></header>
              <p><code>{selectedConnection.from}</code> —{selectedConnection.outcome ?? DEFAULT_OUTCOME}→ <code>{selectedConnection.to}</code></p>
              {!readOnly && view.owner && (
                <button type="button" className="danger" onClick={() => { apply(disconnect(definition, catalog, view.owner!.id, [selectedConnection])); setSelection(null); }}>
                  Delete connection
                </button>
              )}
            </div>
          ) : (
            <WorkflowPanel definition={definition} view={view} problems={problems} readOnly={readOnly} apply={apply} onSelect={selectActivity} />
          )}
        </aside>
      </div>
      {dialog === "run" && (
        <RunDialog definitionId={definitionId} note={runNote} onClose={() => setDialog(null)} />
      )}
      {dialog === "versions" && <VersionsDialog definitionId={definitionId} current={definition} onClose={() => setDialog(null)} />}
    </div>
  );
}
