import type { Catalog } from "./catalog";
import { placements } from "./tree";
import { type ActivityJson, DEFAULT_OUTCOME, type WorkflowJson } from "./workflow";

export type ChangeKind = "added" | "removed" | "changed";

export interface Change {
  area: "workflow" | "input" | "variable" | "output" | "activity" | "connection";
  key: string;
  kind: ChangeKind;
  details: string[];
}

const short = (value: unknown) => {
  const text = value === undefined ? "(none)" : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>, fields: readonly string[], prefix = ""): string[] {
  const details: string[] = [];
  for (const field of fields) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field]))
      details.push(`${prefix}${field}: ${short(before[field])} → ${short(after[field])}`);
  }
  return details;
}

function compareLists<T extends { name: string }>(area: Change["area"], before: readonly T[] = [], after: readonly T[] = []): Change[] {
  const changes: Change[] = [];
  const old = new Map(before.map((x) => [x.name, x]));
  const now = new Map(after.map((x) => [x.name, x]));
  for (const [name, item] of now) {
    const was = old.get(name);
    if (!was) changes.push({ area, key: name, kind: "added", details: [] });
    else {
      const fields = [...new Set([...Object.keys(was), ...Object.keys(item)])].filter((f) => f !== "name");
      const details = fieldChanges(was as Record<string, unknown>, item as Record<string, unknown>, fields);
      if (details.length > 0) changes.push({ area, key: name, kind: "changed", details });
    }
  }
  for (const name of old.keys()) if (!now.has(name)) changes.push({ area, key: name, kind: "removed", details: [] });
  return changes;
}

function activityDetails(catalog: Catalog, before: ActivityJson, after: ActivityJson, beforeParent: string, afterParent: string): string[] {
  const details = fieldChanges(before, after, ["type", "displayName", "description", "join", "retry", "outputs"]);
  const inputs = [...new Set([...Object.keys(before.inputs ?? {}), ...Object.keys(after.inputs ?? {})])].sort();
  details.push(...fieldChanges(before.inputs ?? {}, after.inputs ?? {}, inputs, "input "));
  if (beforeParent !== afterParent) details.push(`moved from ${beforeParent} to ${afterParent}`);
  const order = (a: ActivityJson) => catalog.slots(a).map((s) => `${s.name}: ${s.activities.map((c) => c.id).join(", ")}`).join("; ");
  if (order(before) !== order(after)) details.push(`children: ${order(before) || "(none)"} → ${order(after) || "(none)"}`);
  return details;
}

/**
 * What changed from one version of a definition to another, in the terms of the designer: the header, declared
 * inputs/variables/outputs by name, activities by id (fields, inputs, where they sit, their children) and connections.
 * Canvas positions are left out: moving a box changes nothing that runs.
 */
export function compareDefinitions(catalog: Catalog, before: WorkflowJson, after: WorkflowJson): Change[] {
  const changes: Change[] = [];
  const header = fieldChanges(before, after, ["id", "name", "description", "options"]);
  if (header.length > 0) changes.push({ area: "workflow", key: after.id, kind: "changed", details: header });
  changes.push(...compareLists("input", before.inputs, after.inputs));
  changes.push(...compareLists("variable", before.variables, after.variables));
  changes.push(...compareLists("output", before.outputs, after.outputs));

  const where = (p: ReturnType<typeof placements>[number]) => (p.parent ? `${p.parent.id}.${p.slot}` : "root");
  const old = new Map(placements(before, catalog).map((p) => [p.activity.id, p]));
  const now = new Map(placements(after, catalog).map((p) => [p.activity.id, p]));
  for (const [id, p] of now) {
    const was = old.get(id);
    if (!was) changes.push({ area: "activity", key: id, kind: "added", details: [`${p.activity.type} in ${where(p)}`] });
    else {
      const details = activityDetails(catalog, was.activity, p.activity, where(was), where(p));
      if (details.length > 0) changes.push({ area: "activity", key: id, kind: "changed", details });
    }
  }
  for (const [id, p] of old) if (!now.has(id)) changes.push({ area: "activity", key: id, kind: "removed", details: [`${p.activity.type} in ${where(p)}`] });

  const connections = (definition: WorkflowJson) => new Set(placements(definition, catalog).flatMap((p) =>
    (p.activity.connections ?? []).map((c) => `${c.from} --${c.outcome ?? DEFAULT_OUTCOME}--> ${c.to}`)));
  const oldConnections = connections(before);
  const newConnections = connections(after);
  for (const c of newConnections) if (!oldConnections.has(c)) changes.push({ area: "connection", key: c, kind: "added", details: [] });
  for (const c of oldConnections) if (!newConnections.has(c)) changes.push({ area: "connection", key: c, kind: "removed", details: [] });
  return changes;
}
