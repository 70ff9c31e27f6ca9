import type { Problem } from "../api/types";
import type { Catalog } from "./catalog";
import { type ActivityJson, type WorkflowJson, isActivity } from "./workflow";

export type PathToken = string | number;

/** Splits a validator path such as <c>$.root.activities[2].inputs.message</c> into its names and indexes. */
export function parsePath(path: string): PathToken[] {
  const tokens: PathToken[] = [];
  const pattern = /\.([^.[\]]+)|\[(\d+)\]/g;
  const body = path.startsWith("$") ? path.slice(1) : path;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(body)) !== null) tokens.push(match[1] !== undefined ? match[1] : Number(match[2]));
  return tokens;
}

/** The part of an activity a problem is about. */
export type ActivityField =
  | { kind: "activity" }
  | { kind: "input"; name: string }
  | { kind: "output"; name: string }
  | { kind: "connection"; index: number }
  | { kind: "id" | "type" | "retry" | "join" | "displayName" | "description" };

export type ProblemTarget =
  | { kind: "workflow"; field: string }
  | { kind: "declaration"; list: "inputs" | "variables" | "outputs"; index: number; field?: string }
  | { kind: "activity"; activityId: string; field: ActivityField };

export interface LocatedProblem extends Problem {
  target: ProblemTarget;
}

const ACTIVITY_FIELDS = new Set(["id", "type", "retry", "join", "displayName", "description"]);

/**
 * Maps a validator path back to what the designer shows: a field of the workflow, a declared input/variable/output,
 * or an activity (found by walking the same slots and indexes the validator walked) and its input, output or
 * connection. A path that leaves the definition's shape stops at the deepest activity it reached.
 */
export function locate(definition: WorkflowJson, catalog: Catalog, path: string): ProblemTarget {
  const tokens = parsePath(path);
  const [first, second, third] = tokens;
  if (first === "inputs" || first === "variables" || first === "outputs") {
    if (typeof second === "number") return { kind: "declaration", list: first, index: second, field: typeof third === "string" ? third : undefined };
    return { kind: "workflow", field: first };
  }
  if (first !== "root" || !definition.root) return { kind: "workflow", field: typeof first === "string" ? first : "root" };

  let current: ActivityJson = definition.root;
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i];
    if (typeof token !== "string") break;
    if (token === "inputs" && typeof tokens[i + 1] === "string") return activity(current, { kind: "input", name: tokens[i + 1] as string });
    if (token === "outputs" && typeof tokens[i + 1] === "string") return activity(current, { kind: "output", name: tokens[i + 1] as string });
    if (token === "connections" && typeof tokens[i + 1] === "number") return activity(current, { kind: "connection", index: tokens[i + 1] as number });
    if (ACTIVITY_FIELDS.has(token)) return activity(current, { kind: token } as ActivityField);
    const slot = catalog.slots(current).find((s) => s.name === token);
    if (!slot) break;
    const value = current[slot.name];
    if (slot.multiple) {
      const index = tokens[i + 1];
      const child = typeof index === "number" && Array.isArray(value) ? value[index] : undefined;
      if (!isActivity(child)) break;
      current = child;
      i++;
    } else {
      if (!isActivity(value)) break;
      current = value;
    }
  }
  return activity(current, { kind: "activity" });
}

function activity(current: ActivityJson, field: ActivityField): ProblemTarget {
  return { kind: "activity", activityId: current.id, field };
}

export function locateAll(definition: WorkflowJson, catalog: Catalog, problems: readonly Problem[]): LocatedProblem[] {
  return problems.map((p) => ({ ...p, target: locate(definition, catalog, p.path) }));
}

/** Problems of each activity, by id. */
export function problemsByActivity(problems: readonly LocatedProblem[]): Map<string, LocatedProblem[]> {
  const map = new Map<string, LocatedProblem[]>();
  for (const p of problems) {
    if (p.target.kind !== "activity") continue;
    const list = map.get(p.target.activityId) ?? [];
    list.push(p);
    map.set(p.target.activityId, list);
  }
  return map;
}

/** The messages about one input of one activity. */
export function inputMessages(problems: readonly LocatedProblem[], activityId: string, input: string): string[] {
  return problems
    .filter((p) => p.target.kind === "activity" && p.target.activityId === activityId
      && p.target.field.kind === "input" && p.target.field.name === input)
    .map((p) => p.message);
}
