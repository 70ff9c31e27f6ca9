import type { LocatedProblem } from "../model/problems";
import type { View } from "../model/scope";
import type { JsonObject, WorkflowInput, WorkflowJson, WorkflowOutput, WorkflowVariable } from "../model/workflow";
import { DeclarationList } from "./DeclarationList";

/** The workflow itself: name, description, declared inputs, variables and outputs, options. */
export function WorkflowPanel({ definition, view, problems, readOnly, apply, onSelect }: {
  definition: WorkflowJson; view: View; problems: readonly LocatedProblem[]; readOnly?: boolean;
  apply: (next: WorkflowJson, coalesceKey?: string) => void; onSelect: (activityId: string) => void;
}) {
  const set = (field: string, value: unknown, key?: string) => {
    const next = { ...definition };
    if (value === undefined || value === "") delete next[field];
    else next[field] = value;
    apply(next, key);
  };
  const messages = (field: string) => problems.filter((p) => p.target.kind === "workflow" && p.target.field === field).map((p) => p.message);
  const options = definition.options ?? {};
  const setOption = (name: string, value: unknown) => {
    const next: JsonObject = { ...options };
    if (value === undefined || value === false || value === "") delete next[name];
    else next[name] = value as JsonObject[string];
    set("options", Object.keys(next).length > 0 ? next : undefined);
  };
  return (
    <div className="panel workflow-panel">
      <header className="panel-header"><h2>Workflow</h2></header>
      <section className="panel-section">
        <div className="field">
          <label htmlFor="workflow-id">Id</label>
          <input id="workflow-id" type="text" value={definition.id} disabled readOnly />
        </div>
        <div className={`field${messages("name").length ? " field-invalid" : ""}`}>
          <label htmlFor="workflow-name">Name</label>
          <input id="workflow-name" type="text" value={definition.name} disabled={readOnly}
            onChange={(e) => apply({ ...definition, name: e.target.value }, "name")} />
          {messages("name").map((m, i) => <div key={i} className="field-error" role="alert">{m}</div>)}
        </div>
        <div className="field">
          <label htmlFor="workflow-description">Description</label>
          <textarea id="workflow-description" rows={2} value={definition.description ?? ""} disabled={readOnly}
            onChange={(e) => set("description", e.target.value, "description")} />
        </div>
        {view.owner && (
          <button type="button" className="link" onClick={() => onSelect(view.owner!.id)}>
            Properties of {view.owner.displayName || view.owner.id} ({view.owner.type}), the canvas' container
          </button>
        )}
      </section>
      <section className="panel-section" aria-label="Workflow inputs">
        <h3>Inputs</h3>
        <p className="muted">What a caller gives when starting it: <code>{"{{ input.<name> }}"}</code></p>
        <DeclarationList<WorkflowInput> kind="inputs" items={definition.inputs ?? []} problems={problems} readOnly={readOnly}
          onChange={(items, key) => set("inputs", items.length > 0 ? items : undefined, key)} />
      </section>
      <section className="panel-section" aria-label="Workflow variables">
        <h3>Variables</h3>
        <p className="muted">Set by SetVariable or an activity's output: <code>{"{{ vars.<name> }}"}</code></p>
        <DeclarationList<WorkflowVariable> kind="variables" items={definition.variables ?? []} problems={problems} readOnly={readOnly}
          onChange={(items, key) => set("variables", items.length > 0 ? items : undefined, key)} />
      </section>
      <section className="panel-section" aria-label="Workflow outputs">
        <h3>Outputs</h3>
        <DeclarationList<WorkflowOutput> kind="outputs" items={definition.outputs ?? []} problems={problems} readOnly={readOnly}
          onChange={(items, key) => set("outputs", items.length > 0 ? items : undefined, key)} />
      </section>
      <section className="panel-section" aria-label="Options">
        <h3>Options</h3>
        <label className="checkbox">
          <input type="checkbox" checked={options.commitEachActivity === true} disabled={readOnly}
            onChange={(e) => setOption("commitEachActivity", e.target.checked)} /> commit after every activity
        </label>
        <div className="field">
          <label htmlFor="workflow-max-concurrency">Activities awaiting I/O at once</label>
          <input id="workflow-max-concurrency" type="number" min={1} max={1000} placeholder="64" disabled={readOnly}
            value={typeof options.maxConcurrency === "number" ? options.maxConcurrency : ""}
            onChange={(e) => setOption("maxConcurrency", e.target.value === "" ? undefined : Number(e.target.value))} />
          {messages("options").map((m, i) => <div key={i} className="field-error" role="alert">{m}</div>)}
        </div>
      </section>
    </div>
  );
}
