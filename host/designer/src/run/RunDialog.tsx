import { type FormEvent, useEffect, useState } from "react";
import { ApiError } from "../api/client";
import { useApp } from "../AppContext";
import { buildRunInput, runErrorsFromProblems } from "../model/runInput";
import type { WorkflowInput } from "../model/workflow";
import { navigate } from "../router";
import { Dialog } from "../ui/Dialog";
import { ErrorNote } from "../ui/ErrorNote";

const initialText = (input: WorkflowInput) => (input.type === "boolean" ? (input.default === true ? "true" : "false") : "");

/**
 * Starts the published version of a workflow with a form made from that version's declared inputs, then opens the
 * instance. A workflow never published says so instead of offering a start that would be refused.
 */
export function RunDialog({ definitionId, note, onClose }: { definitionId: string; note?: string; onClose: () => void }) {
  const { api } = useApp();
  const [published, setPublished] = useState<{ version: number; inputs: WorkflowInput[] } | null | undefined>(undefined);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api.versions(definitionId).then(async (versions) => {
      const version = versions.find((v) => v.isPublished)?.version;
      if (version === undefined) return setPublished(null);
      const inputs = (await api.definition(definitionId, version)).definition.inputs ?? [];
      setTexts(Object.fromEntries(inputs.map((i) => [i.name, initialText(i)])));
      setPublished({ version, inputs });
    }).catch(setFailure);
  }, [api, definitionId]);
  const inputs = published?.inputs ?? [];
  const version = published?.version;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { input, errors: found } = buildRunInput(inputs, texts);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      const started = await api.start(definitionId, input, version);
      onClose();
      navigate(`/instances/${encodeURIComponent(started.instanceId)}`);
    } catch (err) {
      if (err instanceof ApiError && err.problems.length > 0) {
        const mapped = runErrorsFromProblems(err.problems);
        setErrors(mapped.fields);
        if (mapped.other.length > 0) setFailure(err);
      } else setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Run ${definitionId}`} onClose={onClose}>
      {published === undefined && !failure && <p className="muted">Loading the published version…</p>}
      {published === null && <p className="note">{definitionId} has no published version yet: publish it to run it.</p>}
      {published && (
      <form className="run-form" onSubmit={submit} noValidate>
        {note && <p className="note">{note}</p>}
        <p className="muted">Version {published.version}</p>
        {inputs.length === 0 && <p className="muted">This workflow takes no inputs.</p>}
        {inputs.map((input) => {
          const id = `run-input-${input.name}`;
          const type = input.type ?? "any";
          const set = (value: string) => {
            setTexts((t) => ({ ...t, [input.name]: value }));
            setErrors(({ [input.name]: _, ...rest }) => rest);
          };
          const defaultText = input.default === undefined || input.default === null ? undefined : JSON.stringify(input.default);
          let editor;
          if (input.options && input.options.length > 0) {
            editor = (
              <select id={id} value={texts[input.name]} onChange={(e) => set(e.target.value)}>
                <option value="">{defaultText ? `(default: ${defaultText})` : "(choose)"}</option>
                {input.options.map((o) => <option key={o} value={o}>{o}</option>)}
              </select>
            );
          } else if (type === "boolean") {
            editor = <input id={id} type="checkbox" checked={texts[input.name] === "true"} onChange={(e) => set(String(e.target.checked))} />;
          } else if (type === "array" || type === "object" || type === "any") {
            editor = <textarea id={id} className="code" rows={3} value={texts[input.name]} placeholder={defaultText ?? (type === "array" ? "[\"a\", \"b\"]" : "")}
              onChange={(e) => set(e.target.value)} aria-invalid={errors[input.name] ? true : undefined} />;
          } else {
            editor = <input id={id} type="text" value={texts[input.name]} placeholder={defaultText}
              onChange={(e) => set(e.target.value)} aria-invalid={errors[input.name] ? true : undefined} />;
          }
          return (
            <div key={input.name} className={`field${errors[input.name] ? " field-invalid" : ""}`}>
              <label htmlFor={id}>
                {input.displayName || input.name}
                {input.required && <span className="required" title="Required"> *</span>}
                <span className="field-type">{type}</span>
              </label>
              {editor}
              {input.description && <div className="field-help">{input.description}</div>}
              {errors[input.name] && <div className="field-error" role="alert">{input.displayName || input.name} {errors[input.name]}</div>}
            </div>
          );
        })}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary" disabled={busy}>Start</button>
        </div>
      </form>
      )}
      <ErrorNote error={failure} />
    </Dialog>
  );
}
