import { parseLiteral } from "./inputValue";
import type { Json, WorkflowInput } from "./workflow";

export interface RunInputResult {
  input: Record<string, Json>;
  /** Problems by input name. */
  errors: Record<string, string>;
}

/**
 * The start input from the run form's texts (checkbox inputs give "true"/"false"). An empty field is left out, so
 * the input's default applies; an empty required field without a default is an error named after the input.
 */
export function buildRunInput(declared: readonly WorkflowInput[], texts: Readonly<Record<string, string>>): RunInputResult {
  const input: Record<string, Json> = {};
  const errors: Record<string, string> = {};
  for (const d of declared) {
    const type = d.type ?? "any";
    const parsed = parseLiteral(texts[d.name] ?? "", type);
    if (!parsed.ok) errors[d.name] = parsed.error;
    else if (parsed.value !== undefined) {
      if (d.options && d.options.length > 0 && typeof parsed.value === "string" && !d.options.includes(parsed.value))
        errors[d.name] = `must be one of ${d.options.join(", ")}`;
      else input[d.name] = parsed.value;
    } else if (d.required && (d.default === undefined || d.default === null)) errors[d.name] = "is required";
  }
  return { input, errors };
}

/** Maps the host's answer to a start (paths like <c>$.input.jobName</c>) onto the form's fields. */
export function runErrorsFromProblems(problems: readonly { path: string; message: string }[]): { fields: Record<string, string>; other: string[] } {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const p of problems) {
    const match = /^\$\.input\.([^.[\]]+)/.exec(p.path);
    if (match) fields[match[1]] = p.message;
    else other.push(`${p.path}: ${p.message}`);
  }
  return { fields, other };
}
