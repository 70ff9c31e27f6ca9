import { useEffect, useRef, useState } from "react";
import type { InputDescriptor } from "../api/types";
import { type InputMode, literalOf, literalText, modeOf, parseLiteral, storeLiteral, switchMode } from "../model/inputValue";
import type { Json } from "../model/workflow";

export interface InputFieldProps {
  activityId: string;
  descriptor: InputDescriptor;
  value: Json | undefined;
  variables: string[];
  problems: string[];
  readOnly?: boolean;
  onChange: (value: Json | undefined) => void;
}

export const fieldId = (activityId: string, input: string) => `input-${activityId}-${input}`;

const MODES: { mode: InputMode; label: string; title: string }[] = [
  { mode: "literal", label: "Value", title: "A fixed value" },
  { mode: "expression", label: "Expression", title: "A Scriban template such as {{ input.jobName }}, evaluated when the activity runs" },
  { mode: "variable", label: "Variable", title: "The value of a workflow variable" },
];

/**
 * One activity input: an editor for its type (text, number, checkbox, list, JSON), its default shown in place, a
 * required mark, and a switch between a fixed value, a Scriban expression and a variable. What is typed stays in
 * the field until it makes a valid value; the host's validation messages for the input appear under it.
 */
export function InputField({ activityId, descriptor, value, variables, problems, readOnly, onChange }: InputFieldProps) {
  const mode = modeOf(value);
  const id = fieldId(activityId, descriptor.name);
  const type = descriptor.type;
  const shownText = mode === "literal" ? literalText(literalOf(value), type) : String((value as Record<string, Json>)[mode] ?? "");
  const [text, setText] = useState(shownText);
  const [localError, setLocalError] = useState<string | null>(null);
  const written = useRef<string>(JSON.stringify(value ?? null));
  useEffect(() => {
    // The value changed from outside (undo, another field): show it, unless it is what this field just wrote.
    const now = JSON.stringify(value ?? null);
    if (now !== written.current) {
      written.current = now;
      setText(shownText);
      setLocalError(null);
    }
  }, [value, shownText]);

  const write = (next: Json | undefined) => {
    written.current = JSON.stringify(next ?? null);
    onChange(next);
  };
  const editLiteral = (t: string) => {
    setText(t);
    const parsed = parseLiteral(t, type);
    if (!parsed.ok) {
      setLocalError(parsed.error);
      return;
    }
    setLocalError(null);
    write(parsed.value === undefined ? undefined : storeLiteral(parsed.value));
  };
  const editWrapped = (t: string) => {
    setText(t);
    setLocalError(null);
    write(mode === "expression" ? { expression: t } : t ? { variable: t } : undefined);
  };
  const changeMode = (next: InputMode) => {
    const switched = switchMode(value, next, type);
    written.current = "";
    onChange(switched);
  };

  const defaultText = descriptor.default === undefined || descriptor.default === null ? undefined
    : typeof descriptor.default === "string" ? descriptor.default : JSON.stringify(descriptor.default);
  const messages = [...(localError ? [localError] : []), ...problems];
  const describedBy = `${id}-help`;
  const common = {
    id, disabled: readOnly, "aria-invalid": messages.length > 0 || undefined, "aria-describedby": describedBy,
    "aria-required": descriptor.required || undefined,
  };

  let editor;
  if (mode === "expression") {
    editor = <textarea {...common} className="code" rows={2} value={text} spellCheck={false}
      placeholder="{{ input.jobName }}" onChange={(e) => editWrapped(e.target.value)} />;
  } else if (mode === "variable") {
    editor = (
      <select {...common} value={text} onChange={(e) => editWrapped(e.target.value)}>
        <option value="">(choose a variable)</option>
        {variables.map((v) => <option key={v} value={v}>{v}</option>)}
        {text && !variables.includes(text) && <option value={text}>{text} (not declared)</option>}
      </select>
    );
  } else if (descriptor.options && descriptor.options.length > 0) {
    editor = (
      <select {...common} value={text} onChange={(e) => editLiteral(e.target.value)}>
        <option value="">{defaultText !== undefined ? `(default: ${defaultText})` : "(not set)"}</option>
        {descriptor.options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    );
  } else if (type === "boolean") {
    const literal = literalOf(value);
    const checked = literal === undefined ? descriptor.default === true : literal === true;
    editor = (
      <label className="checkbox">
        <input {...common} type="checkbox" checked={checked} onChange={(e) => write(e.target.checked)} />
        {literal === undefined ? <span className="muted">default</span> : null}
      </label>
    );
  } else if (descriptor.uiHint === "json" || type === "array" || type === "object") {
    editor = <textarea {...common} className="code" rows={3} value={text} spellCheck={false}
      placeholder={defaultText ?? (type === "array" ? "[ ]" : "{ }")} onChange={(e) => editLiteral(e.target.value)} />;
  } else if (descriptor.uiHint === "multiline" || descriptor.uiHint === "code") {
    editor = <textarea {...common} className={descriptor.uiHint === "code" ? "code" : undefined} rows={4} value={text}
      placeholder={defaultText} onChange={(e) => editLiteral(e.target.value)} />;
  } else {
    editor = <input {...common} type="text" inputMode={type === "integer" || type === "number" ? "decimal" : undefined}
      value={text} placeholder={defaultText ?? (type === "timespan" ? "30s, 5m, 00:10:00" : undefined)}
      onChange={(e) => editLiteral(e.target.value)} />;
  }

  return (
    <div className={`field${messages.length > 0 ? " field-invalid" : ""}`} data-input={descriptor.name}>
      <div className="field-head">
        <label htmlFor={id}>
          {descriptor.displayName}
          {descriptor.required && <span className="required" title="Required"> *</span>}
        </label>
        <span className="field-type">{type}</span>
        <div className="mode-switch" role="group" aria-label={`How ${descriptor.displayName} is given`}>
          {MODES.map((m) => (
            <button key={m.mode} type="button" className={mode === m.mode ? "active" : ""} aria-pressed={mode === m.mode}
              title={m.title} disabled={readOnly} onClick={() => changeMode(m.mode)}>{m.label}</button>
          ))}
        </div>
      </div>
      {editor}
      <div id={describedBy} className="field-help">
        {descriptor.description && <span>{descriptor.description}</span>}
        {defaultText !== undefined && <span className="muted"> Default: {defaultText}</span>}
      </div>
      {messages.map((m, i) => <div key={i} className="field-error" role="alert">{m}</div>)}
    </div>
  );
}
