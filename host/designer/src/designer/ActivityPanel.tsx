import { useEffect, useState } from "react";
import type { Catalog } from "../model/catalog";
import {
  connect, disconnect, idProblem, removeActivities, renameActivity, reorder, setActivityFields, setInput, setOutputVariable,
} from "../model/edits";
import { type LocatedProblem, inputMessages } from "../model/problems";
import type { View } from "../model/scope";
import { type ActivityJson, DEFAULT_OUTCOME, type JsonObject, type WorkflowJson } from "../model/workflow";
import { ActivityIcon } from "../ui/ActivityIcon";
import { Icon } from "../ui/Icon";
import { InputField } from "./InputField";
import { RetryEditor } from "./RetryEditor";

export interface ActivityPanelProps {
  definition: WorkflowJson;
  catalog: Catalog;
  activity: ActivityJson;
  view: View;
  problems: readonly LocatedProblem[];
  readOnly?: boolean;
  apply: (next: WorkflowJson, coalesceKey?: string) => void;
  onOpenSlot: (ownerId: string, slot: string) => void;
  onSelect: (activityId: string | null) => void;
}

function fieldMessages(problems: readonly LocatedProblem[], id: string, kind: string): string[] {
  return problems.filter((p) => p.target.kind === "activity" && p.target.activityId === id && p.target.field.kind === kind).map((p) => p.message);
}

/** Everything about one activity, generated from its descriptor. */
export function ActivityPanel(props: ActivityPanelProps) {
  const { definition, catalog, activity, view, problems, readOnly, apply } = props;
  const descriptor = catalog.get(activity.type);
  const id = activity.id;
  const variables = (definition.variables ?? []).map((v) => v.name);
  const [idText, setIdText] = useState(id);
  useEffect(() => setIdText(id), [id]);
  const idError = idProblem(definition, catalog, id, idText);
  const commitId = () => {
    if (idText !== id && !idError) {
      apply(renameActivity(definition, catalog, id, idText));
      props.onSelect(idText);
    }
  };

  const inFlowchart = view.mode === "flowchart" && view.owner && view.activities.some((a) => a.id === id);
  const inSequence = view.mode === "sequence" && view.owner && view.activities.some((a) => a.id === id);
  const connections = inFlowchart ? (view.owner!.connections ?? []) : [];
  const siblings = view.activities.filter((a) => a.id !== id);
  const declaredInputs = new Set(descriptor?.inputs.map((i) => i.name) ?? []);
  const unknownInputs = Object.keys(activity.inputs ?? {}).filter((name) => !declaredInputs.has(name));
  const connectionProblems = (index: number) => problems.filter((p) =>
    p.target.kind === "activity" && p.target.activityId === view.owner?.id && p.target.field.kind === "connection" && p.target.field.index === index);
  const activityProblems = fieldMessages(problems, id, "activity").concat(fieldMessages(problems, id, "id"), fieldMessages(problems, id, "type"));

  const move = (delta: number) => {
    const ids = view.activities.map((a) => a.id);
    const at = ids.indexOf(id);
    const to = at + delta;
    if (to < 0 || to >= ids.length) return;
    [ids[at], ids[to]] = [ids[to], ids[at]];
    apply(reorder(definition, catalog, view.owner!.id, view.slot, ids));
  };

  return (
    <div className="panel activity-panel" data-panel-activity={id}>
      <header className="panel-header">
        <ActivityIcon descriptor={descriptor} type={activity.type} size={20} />
        <div>
          <h2>{descriptor?.displayName ?? activity.type}</h2>
          <div className="muted">{activity.type}{descriptor?.source && descriptor.source !== "builtin" ? ` · plugin ${descriptor.source}` : ""}</div>
        </div>
      </header>
      {descriptor?.description && <p className="panel-description">{descriptor.description}</p>}
      {activityProblems.map((m, i) => <div key={i} className="field-error" role="alert">{m}</div>)}

      <section className="panel-section">
        <div className={`field${idError ? " field-invalid" : ""}`}>
          <label htmlFor={`activity-id-${id}`}>Id</label>
          <input id={`activity-id-${id}`} type="text" value={idText} disabled={readOnly} spellCheck={false}
            onChange={(e) => setIdText(e.target.value)} onBlur={commitId}
            onKeyDown={(e) => { if (e.key === "Enter") commitId(); }} aria-invalid={idError ? true : undefined} />
          {idError && <div className="field-error" role="alert">{idError}</div>}
        </div>
        <div className="field">
          <label htmlFor={`activity-name-${id}`}>Display name</label>
          <input id={`activity-name-${id}`} type="text" value={activity.displayName ?? ""} disabled={readOnly}
            placeholder={descriptor?.displayName}
            onChange={(e) => apply(setActivityFields(definition, catalog, id, { displayName: e.target.value }), `${id}.displayName`)} />
        </div>
        <div className="field">
          <label htmlFor={`activity-description-${id}`}>Description</label>
          <textarea id={`activity-description-${id}`} rows={2} value={activity.description ?? ""} disabled={readOnly}
            onChange={(e) => apply(setActivityFields(definition, catalog, id, { description: e.target.value }), `${id}.description`)} />
        </div>
      </section>

      {descriptor && descriptor.inputs.length > 0 && (
        <section className="panel-section" aria-label="Inputs">
          <h3>Inputs</h3>
          {descriptor.inputs.map((input) => (
            <InputField key={input.name} activityId={id} descriptor={input} value={activity.inputs?.[input.name]}
              variables={variables} problems={inputMessages(problems, id, input.name)} readOnly={readOnly}
              onChange={(value) => apply(setInput(definition, catalog, id, input.name, value), `${id}.inputs.${input.name}`)} />
          ))}
        </section>
      )}
      {unknownInputs.length > 0 && (
        <section className="panel-section">
          <h3>Inputs the type does not have</h3>
          {unknownInputs.map((name) => (
            <div key={name} className="field field-invalid">
              <code>{name}</code> = <code>{JSON.stringify(activity.inputs?.[name])}</code>
              {!readOnly && <button type="button" className="link" onClick={() => apply(setInput(definition, catalog, id, name, undefined))}>Remove</button>}
              {inputMessages(problems, id, name).map((m, i) => <div key={i} className="field-error" role="alert">{m}</div>)}
            </div>
          ))}
        </section>
      )}

      {descriptor && descriptor.outputs.length > 0 && (
        <section className="panel-section" aria-label="Outputs">
          <h3>Outputs</h3>
          <p className="muted">Read as <code>{`{{ activities.${id}.<output> }}`}</code>, or copied into a variable:</p>
          {descriptor.outputs.map((output) => (
            <div key={output.name} className="field">
              <label htmlFor={`output-${id}-${output.name}`}>{output.name} <span className="field-type">{output.type}</span></label>
              <select id={`output-${id}-${output.name}`} value={activity.outputs?.[output.name] ?? ""} disabled={readOnly}
                onChange={(e) => apply(setOutputVariable(definition, catalog, id, output.name, e.target.value))}>
                <option value="">(not copied)</option>
                {variables.map((v) => <option key={v} value={v}>{v}</option>)}
              </select>
              {output.description && <div className="field-help">{output.description}</div>}
            </div>
          ))}
        </section>
      )}

      {inFlowchart && (
        <section className="panel-section" aria-label="Connections">
          <h3>Connections</h3>
          {catalog.outcomes(activity).length === 0 && <p className="muted">This activity ends its branch: it has no outcomes.</p>}
          {catalog.outcomes(activity).map((outcome) => {
            const outgoing = connections.map((c, index) => ({ c, index })).filter(({ c }) => c.from === id && (c.outcome ?? DEFAULT_OUTCOME) === outcome);
            return (
              <div key={outcome} className="outcome-row">
                <div className="outcome-name">{outcome} →</div>
                <ul className="outcome-targets">
                  {outgoing.map(({ c, index }) => (
                    <li key={index}>
                      <button type="button" className="link" onClick={() => props.onSelect(c.to)}>{c.to}</button>
                      {!readOnly && (
                        <button type="button" className="ghost" aria-label={`Remove connection ${outcome} to ${c.to}`}
                          onClick={() => apply(disconnect(definition, catalog, view.owner!.id, [c]))}>✕</button>
                      )}
                      {connectionProblems(index).map((p, i) => <div key={i} className="field-error" role="alert">{p.message}</div>)}
                    </li>
                  ))}
                </ul>
                {!readOnly && siblings.length > 0 && (
                  <select aria-label={`Connect ${outcome} to`} value=""
                    onChange={(e) => e.target.value && apply(connect(definition, catalog, view.owner!.id, { from: id, outcome, to: e.target.value }))}>
                    <option value="">connect to…</option>
                    {siblings.map((s) => <option key={s.id} value={s.id}>{s.displayName ? `${s.displayName} (${s.id})` : s.id}</option>)}
                  </select>
                )}
              </div>
            );
          })}
          <div className="field">
            <label htmlFor={`join-${id}`}>Several incoming connections</label>
            <select id={`join-${id}`} value={activity.join ?? "any"} disabled={readOnly}
              onChange={(e) => apply(setActivityFields(definition, catalog, id, { join: e.target.value === "any" ? undefined : e.target.value }))}>
              <option value="any">run on each arrival (any)</option>
              <option value="all">run once all have arrived (all)</option>
            </select>
          </div>
        </section>
      )}

      {catalog.slots(activity).length > 0 && (
        <section className="panel-section" aria-label="Children">
          <h3>Children</h3>
          {catalog.slots(activity).map((slot) => (
            <button key={slot.name} type="button" className="slot-open" onClick={() => props.onOpenSlot(id, slot.name)}>
              Open <strong>{slot.name}</strong> ({slot.activities.length === 0 ? "empty" : slot.activities.map((a) => a.id).join(", ")})
            </button>
          ))}
        </section>
      )}

      <section className="panel-section">
        <RetryEditor activityId={id} retry={activity.retry as JsonObject | undefined} readOnly={readOnly}
          problems={fieldMessages(problems, id, "retry")}
          onChange={(retry) => apply(setActivityFields(definition, catalog, id, { retry }), `${id}.retry`)} />
      </section>

      {!readOnly && (
        <section className="panel-section panel-actions">
          {inSequence && (
            <>
              <button type="button" onClick={() => move(-1)}>Move earlier</button>
              <button type="button" onClick={() => move(1)}>Move later</button>
            </>
          )}
          <button type="button" className="danger" onClick={() => { apply(removeActivities(definition, catalog, [id])); props.onSelect(null); }}>
            <Icon name="trash" /> Delete activity
          </button>
        </section>
      )}
    </div>
  );
}
