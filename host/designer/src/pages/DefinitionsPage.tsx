import { type ChangeEvent, type FormEvent, useEffect, useMemo, useRef, useState } from "react";
import type { DefinitionSummary } from "../api/types";
import { canAdminister, useApp } from "../AppContext";
import type { WorkflowJson } from "../model/workflow";
import { Link, navigate } from "../router";
import { Dialog } from "../ui/Dialog";
import { ErrorNote } from "../ui/ErrorNote";
import { formatTime } from "../ui/format";
import { Icon } from "../ui/Icon";
import { Pager } from "../ui/Pager";

const PAGE_SIZE = 15;
const DEFINITION_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

/** Every workflow definition: filter, page, open, create, import. */
export function DefinitionsPage() {
  const { api, me } = useApp();
  const [definitions, setDefinitions] = useState<DefinitionSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [filter, setFilter] = useState("");
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const admin = canAdminister(me);

  useEffect(() => { api.definitions().then(setDefinitions, setError); }, [api]);

  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (definitions ?? [])
      .filter((d) => !needle || `${d.name} ${d.definitionId} ${d.description ?? ""}`.toLowerCase().includes(needle))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [definitions, filter]);
  const pageItems = shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    setError(null);
    try {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch (err) {
        throw new Error(`${file.name} is not valid JSON: ${(err as Error).message}`);
      }
      const saved = await api.importDefinition(parsed);
      navigate(`/definitions/${encodeURIComponent(saved.definitionId)}`);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="page">
      <div className="page-header">
        <h1>Workflows</h1>
        <input type="search" placeholder="Filter by name or id" aria-label="Filter workflows" value={filter}
          onChange={(e) => { setFilter(e.target.value); setPage(1); }} />
        {admin && (
          <>
            <button type="button" className="primary" onClick={() => setCreating(true)}>New workflow</button>
            <button type="button" onClick={() => fileInput.current?.click()}><Icon name="upload" /> Import JSON</button>
            <input ref={fileInput} type="file" accept=".json,application/json" hidden aria-label="Workflow JSON file" onChange={importFile} />
          </>
        )}
      </div>
      <ErrorNote error={error} />
      {definitions === null ? <p className="muted">Loading…</p> : (
        <>
          <table className="table" aria-label="Workflow definitions">
            <thead>
              <tr><th>Name</th><th>Id</th><th>Latest</th><th>Published</th><th>Last change</th><th></th></tr>
            </thead>
            <tbody>
              {pageItems.map((d) => (
                <tr key={d.definitionId} data-definition-id={d.definitionId}>
                  <td><Link to={`/definitions/${encodeURIComponent(d.definitionId)}`}>{d.name || d.definitionId}</Link>
                    {d.description && <div className="muted clip">{d.description}</div>}</td>
                  <td><code>{d.definitionId}</code></td>
                  <td>v{d.latestVersion}</td>
                  <td>{d.publishedVersion ? `v${d.publishedVersion}` : <span className="muted">not published</span>}</td>
                  <td>{formatTime(d.updatedAt)}</td>
                  <td><Link to={`/instances?definitionId=${encodeURIComponent(d.definitionId)}`}>Instances</Link></td>
                </tr>
              ))}
              {pageItems.length === 0 && <tr><td colSpan={6} className="muted">No workflow matches.</td></tr>}
            </tbody>
          </table>
          <Pager page={page} pageSize={PAGE_SIZE} total={shown.length} onPage={setPage} />
        </>
      )}
      {creating && <NewWorkflowDialog existing={new Set((definitions ?? []).map((d) => d.definitionId))} onClose={() => setCreating(false)} />}
    </div>
  );
}

function NewWorkflowDialog({ existing, onClose }: { existing: ReadonlySet<string>; onClose: () => void }) {
  const { api } = useApp();
  const [id, setId] = useState("");
  const [name, setName] = useState("");
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const idError = !id ? "Id is required" : !DEFINITION_ID.test(id) ? "Id: use 1-128 letters, digits, '_', '-' or '.', starting with a letter or digit"
    : existing.has(id) ? `Id: a workflow "${id}" exists already` : null;
  const nameError = name.trim() ? null : "Name is required";
  const create = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (idError || nameError) return;
    const definition: WorkflowJson = { id, name: name.trim(), root: { id: "flow", type: "Flowchart", activities: [], connections: [] } };
    try {
      await api.save(definition);
      onClose();
      navigate(`/definitions/${encodeURIComponent(id)}`);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Dialog title="New workflow" onClose={onClose}>
      <form onSubmit={create} noValidate>
        <div className={`field${touched && idError ? " field-invalid" : ""}`}>
          <label htmlFor="new-workflow-id">Id <span className="required">*</span></label>
          <input id="new-workflow-id" type="text" value={id} autoFocus spellCheck={false} onChange={(e) => setId(e.target.value)} />
          {touched && idError && <div className="field-error" role="alert">{idError}</div>}
        </div>
        <div className={`field${touched && nameError ? " field-invalid" : ""}`}>
          <label htmlFor="new-workflow-name">Name <span className="required">*</span></label>
          <input id="new-workflow-name" type="text" value={name} onChange={(e) => setName(e.target.value)} />
          {touched && nameError && <div className="field-error" role="alert">{nameError}</div>}
        </div>
        <ErrorNote error={error} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary">Create</button>
        </div>
      </form>
    </Dialog>
  );
}
