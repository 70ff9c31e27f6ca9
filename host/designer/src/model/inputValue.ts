import { type Json, isObject } from "./workflow";

export type InputMode = "literal" | "expression" | "variable";

/** How an activity input is given in the definition: a literal, a Scriban expression, or a variable. */
export function modeOf(value: Json | undefined): InputMode {
  if (isObject(value) && Object.keys(value).length === 1) {
    if (typeof value.expression === "string") return "expression";
    if (typeof value.variable === "string") return "variable";
  }
  return "literal";
}

/** The literal a stored value stands for (unwrapping {"literal": ...}), or undefined for an expression or variable. */
export function literalOf(value: Json | undefined): Json | undefined {
  if (modeOf(value) !== "literal") return undefined;
  if (isObject(value) && Object.keys(value).length === 1 && "literal" in value) return value.literal as Json;
  return value;
}

/** Stores a literal so that it reads back as a literal, even when it looks like {"expression": ...}. */
export function storeLiteral(literal: Json): Json {
  if (isObject(literal) && Object.keys(literal).length === 1 && ["literal", "expression", "variable"].includes(Object.keys(literal)[0]))
    return { literal };
  return literal;
}

/** Text an editor shows for a literal of the given value type. */
export function literalText(literal: Json | undefined, type: string): string {
  if (literal === undefined || literal === null) return "";
  if (typeof literal === "string") return literal;
  if (type === "string" || type === "timespan" || type === "datetime") return String(literal);
  return typeof literal === "object" ? JSON.stringify(literal, null, 2) : String(literal);
}

export type Parsed = { ok: true; value: Json | undefined } | { ok: false; error: string };

/** Reads editor text as a literal of the type; empty text means "not set". */
export function parseLiteral(text: string, type: string): Parsed {
  if (text.trim() === "") return { ok: true, value: undefined };
  switch (type) {
    case "integer":
      return /^-?\d+$/.test(text.trim()) ? { ok: true, value: Number(text.trim()) } : { ok: false, error: "must be a whole number" };
    case "number": {
      const n = Number(text.trim());
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, error: "must be a number" };
    }
    case "boolean":
      return text === "true" || text === "false" ? { ok: true, value: text === "true" } : { ok: false, error: "must be true or false" };
    case "array":
    case "object":
    case "any":
      try {
        const value = JSON.parse(text) as Json;
        if (type === "array" && !Array.isArray(value)) return { ok: false, error: "must be a JSON array, e.g. [\"a\", \"b\"]" };
        if (type === "object" && !isObject(value)) return { ok: false, error: "must be a JSON object, e.g. {\"key\": \"value\"}" };
        return { ok: true, value };
      } catch (e) {
        // "any" also takes plain text, as the engine does.
        if (type === "any") return { ok: true, value: text };
        return { ok: false, error: `is not valid JSON: ${(e as Error).message}` };
      }
    default:
      return { ok: true, value: text };
  }
}

/**
 * The value after switching mode, carrying the text over: a literal's text becomes the expression's template and
 * back, so switching never loses what was typed.
 */
export function switchMode(value: Json | undefined, mode: InputMode, type: string): Json | undefined {
  const current = modeOf(value);
  if (current === mode) return value;
  const text = current === "literal" ? literalText(literalOf(value), type)
    : String((value as Record<string, Json>)[current] ?? "");
  if (mode === "expression") return { expression: text };
  if (mode === "variable") return { variable: /^[A-Za-z_][A-Za-z0-9_]*$/.test(text) ? text : "" };
  const parsed = parseLiteral(text, type);
  return parsed.ok ? (parsed.value === undefined ? undefined : storeLiteral(parsed.value)) : text;
}
