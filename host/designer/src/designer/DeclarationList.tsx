import type { LocatedProblem } from "../model/problems";
import type { Json } from "../model/workflow";

export const VALUE_TYPES = ["string", "integer", "number", "boolean", "timespan", "datetime", "array", "object", "any"];

export type DeclarationKind = "inputs" | "variables" | "outputs";

interface Item {
  name: string;
  type?: string;
  required?: boolean;
  default?: Json;
  value?: string;
  description?: string;
  displayName?: string;
  [extra: string]: Json | undefined;
}

const jsonText = (value: Json | undefined) => (value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value));

function parseDefault(text: string): Json | undefined {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

/**
 * The workflow's declared inputs, variables or outputs, one card each. Changes go straight into the definition; the
 * host's validation messages for each entry appear on its card.
 */
export function DeclarationList<T extends Item>({ kind, items, problems, readOnly, onChange }: {
  kind: DeclarationKind; items: readonly T[]; problems: readonly LocatedProblem[]; readOnly?: boolean;
  onChange: (items: T[], coalesceKey?: string) => void;
}) {
  const singular = kind === "inputs" ? "input" : kind === "variables" ? "variable" : "output";
  const update = (index: number, field: string, value: Json | undefined) => {
    const next = items.map((item, i) => {
      if (i !== index) return item;
      const copy = { ...item } as Item;
      if (value === undefined || (value === "" && field !== "name") || value === false) delete copy[field];
      else copy[field] = value;
      return copy as T;
    });
    onChange(next, `${kind}[${index}].${field}`);
  };
  const messages = (index: number) => problems.filter((p) => p.target.kind === "declaration" && p.target.list === kind && p.target.index === index);
  return (
    <div className="declarations" data-declarations={kind}>
      {items.map((item, index) => (
        <div key={index} className={`declaration${messages(index).length > 0 ? " field-invalid" : ""}`}>
          <div className="declaration-row">
            <input type="text" aria-label={`${singular} ${index + 1} name`} placeholder="name" value={item.name} disabled={readOnly}
              spellCheck={false} onChange={(e) => update(index, "name", e.target.value)} />
            <select aria-label={`${singular} ${index + 1} type`} value={item.type ?? "any"} disabled={readOnly}
              onChange={(e) => update(index, "type", e.target.value)}>
              {VALUE_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
            </select>
            {!readOnly && (
              <button type="button" className="ghost" aria-label={`Remove ${singular} ${item.name}`}
                onClick={() => onChange(items.filter((_, i) => i !== index))}>✕</button>
            )}
          </div>
          {kind === "inputs" && (
            <label className="checkbox">
              <input type="checkbox" checked={item.required === true} disabled={readOnly}
                onChange={(e) => update(index, "required", e.target.checked)} /> required
            </label>
          )}
          {kind === "outputs" ? (
            <input type="text" className="code" aria-label={`${singular} ${index + 1} value`} disabled={readOnly} spellCheck={false}
              placeholder={`{{ vars.${item.name || "x"} }} (default: the variable of the same name)`} value={item.value ?? ""}
              onChange={(e) => update(index, "value", e.target.value)} />
          ) : (
            <input key={jsonText(item.default)} type="text" aria-label={`${singular} ${index + 1} default`} disabled={readOnly}
              placeholder="default (JSON or text)"
              defaultValue={jsonText(item.default)} onBlur={(e) => update(index, "default", parseDefault(e.target.value))} />
          )}
          <input type="text" aria-label={`${singular} ${index + 1} description`} disabled={readOnly} placeholder="description"
            value={item.description ?? ""} onChange={(e) => update(index, "description", e.target.value)} />
          {messages(index).map((p, i) => <div key={i} className="field-error" role="alert">{p.target.kind === "declaration" && p.target.field ? `${p.target.field}: ` : ""}{p.message}</div>)}
        </div>
      ))}
      {!readOnly && (
        <button type="button" onClick={() => onChange([...items, { name: `${singular}${items.length + 1}`, type: "string" } as T])}>
          Add {singular}
        </button>
      )}
    </div>
  );
}
