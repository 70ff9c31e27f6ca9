import type { Catalog } from "./catalog";
import type { View } from "./scope";
import { activityIds, findPlacement, placements, uniqueId, updateActivity } from "./tree";
import {
  type ActivityJson, type ConnectionJson, DEFAULT_OUTCOME, type Json, type Position, type WorkflowJson,
  withPosition,
} from "./workflow";

// Every edit takes a definition and returns a new one, leaving the old one untouched: that is what undo keeps.

/** A new activity of the type, with the first free id and the descriptor's required list slots present. */
export function newActivity(definition: WorkflowJson, catalog: Catalog, type: string): ActivityJson {
  const activity: ActivityJson = { id: uniqueId(activityIds(definition, catalog), type), type };
  for (const slot of catalog.get(type)?.slots ?? []) if (slot.multiple) activity[slot.name] = [];
  if (type === "Flowchart") activity.connections = [];
  return activity;
}

/**
 * Puts the activity into the slot the canvas shows. A single slot that already holds an activity (an If's
 * <c>then</c>, the root) gets a Sequence of the old activity and the new one.
 */
export function addActivity(definition: WorkflowJson, catalog: Catalog, view: View, activity: ActivityJson,
  position?: Position): WorkflowJson {
  const placed = position ? withPosition(activity, position) : activity;
  if (view.mode !== "single") {
    return updateActivity(definition, catalog, view.owner!.id, (owner) => ({
      ...owner,
      [view.slot]: [...((owner[view.slot] as ActivityJson[] | undefined) ?? []), placed],
    }));
  }
  const existing = view.activities[0];
  const taken = activityIds(definition, catalog);
  taken.add(activity.id);
  const content = existing
    ? { id: uniqueId(taken, "Sequence"), type: "Sequence", activities: [existing, placed] } as ActivityJson
    : placed;
  if (!view.owner) return { ...definition, root: content };
  return updateActivity(definition, catalog, view.owner.id, (owner) => ({ ...owner, [view.slot]: content }));
}

/** Removes activities (with their children) and the connections that lead to or from them. */
export function removeActivities(definition: WorkflowJson, catalog: Catalog, ids: readonly string[]): WorkflowJson {
  const gone = new Set(ids);
  let next = definition;
  for (const id of ids) next = updateActivity(next, catalog, id, () => null);
  for (const { activity } of placements(next, catalog)) {
    const connections = activity.connections;
    if (connections?.some((c) => gone.has(c.from) || gone.has(c.to))) {
      next = updateActivity(next, catalog, activity.id, (a) => ({
        ...a, connections: connections.filter((c) => !gone.has(c.from) && !gone.has(c.to)),
      }));
    }
  }
  return next;
}

function sameConnection(a: ConnectionJson, b: ConnectionJson): boolean {
  return a.from === b.from && a.to === b.to && (a.outcome ?? DEFAULT_OUTCOME) === (b.outcome ?? DEFAULT_OUTCOME);
}

export function connect(definition: WorkflowJson, catalog: Catalog, flowchartId: string, connection: ConnectionJson): WorkflowJson {
  return updateActivity(definition, catalog, flowchartId, (flowchart) => {
    const existing = flowchart.connections ?? [];
    if (existing.some((c) => sameConnection(c, connection))) return flowchart;
    return { ...flowchart, connections: [...existing, { from: connection.from, outcome: connection.outcome ?? DEFAULT_OUTCOME, to: connection.to }] };
  });
}

export function disconnect(definition: WorkflowJson, catalog: Catalog, flowchartId: string, connections: readonly ConnectionJson[]): WorkflowJson {
  return updateActivity(definition, catalog, flowchartId, (flowchart) => ({
    ...flowchart,
    connections: (flowchart.connections ?? []).filter((c) => !connections.some((gone) => sameConnection(c, gone))),
  }));
}

export function moveActivities(definition: WorkflowJson, catalog: Catalog, positions: ReadonlyMap<string, Position>): WorkflowJson {
  let next = definition;
  for (const [id, position] of positions) next = updateActivity(next, catalog, id, (a) => withPosition(a, position));
  return next;
}

/** Puts the children of a list slot in the given order (ids not given keep their place at the end). */
export function reorder(definition: WorkflowJson, catalog: Catalog, ownerId: string, slot: string, orderedIds: readonly string[]): WorkflowJson {
  return updateActivity(definition, catalog, ownerId, (owner) => {
    const children = (owner[slot] as ActivityJson[] | undefined) ?? [];
    const rank = (a: ActivityJson) => {
      const i = orderedIds.indexOf(a.id);
      return i < 0 ? orderedIds.length : i;
    };
    return { ...owner, [slot]: [...children].sort((a, b) => rank(a) - rank(b)) };
  });
}

/** Sets (or, with undefined, removes) top-level fields of an activity such as displayName, join or retry. */
export function setActivityFields(definition: WorkflowJson, catalog: Catalog, id: string,
  fields: Partial<Record<"displayName" | "description" | "join" | "retry", unknown>>): WorkflowJson {
  return updateActivity(definition, catalog, id, (activity) => {
    const next: ActivityJson = { ...activity };
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined || value === "") delete next[key];
      else next[key] = value;
    }
    return next;
  });
}

/** Sets an input's value as the definition stores it (a literal, or {expression}/{variable}); undefined removes it. */
export function setInput(definition: WorkflowJson, catalog: Catalog, id: string, name: string, value: Json | undefined): WorkflowJson {
  return updateActivity(definition, catalog, id, (activity) => {
    const inputs = { ...(activity.inputs ?? {}) };
    if (value === undefined) delete inputs[name];
    else inputs[name] = value;
    const next: ActivityJson = { ...activity, inputs };
    if (Object.keys(inputs).length === 0) delete next.inputs;
    return next;
  });
}

/** Sets an output's target variable; an empty name stops copying the output. */
export function setOutputVariable(definition: WorkflowJson, catalog: Catalog, id: string, output: string, variable: string): WorkflowJson {
  return updateActivity(definition, catalog, id, (activity) => {
    const outputs = { ...(activity.outputs ?? {}) };
    if (variable) outputs[output] = variable;
    else delete outputs[output];
    const next: ActivityJson = { ...activity, outputs };
    if (Object.keys(outputs).length === 0) delete next.outputs;
    return next;
  });
}

export const ACTIVITY_ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Why the id cannot be used, or null when it can. */
export function idProblem(definition: WorkflowJson, catalog: Catalog, oldId: string, newId: string): string | null {
  if (newId === oldId) return null;
  if (!ACTIVITY_ID.test(newId)) return "use letters, digits, '_' and '-', starting with a letter or '_'";
  if (activityIds(definition, catalog).has(newId)) return `"${newId}" is already the id of another activity`;
  return null;
}

/**
 * Renames an activity and everything that names it: connections, a Flowchart's start, and expressions that read its
 * outputs (<c>activities.old.x</c>), so renaming never breaks a working workflow.
 */
export function renameActivity(definition: WorkflowJson, catalog: Catalog, oldId: string, newId: string): WorkflowJson {
  if (oldId === newId || !findPlacement(definition, catalog, oldId)) return definition;
  const reference = new RegExp(`\\bactivities\\.${oldId.replace(/[-]/g, "\\-")}(?![A-Za-z0-9_-])`, "g");
  const rewriteText = (text: string) => text.replace(reference, `activities.${newId}`);
  const rewriteValue = (value: Json): Json => {
    if (typeof value === "string") return rewriteText(value);
    if (Array.isArray(value)) return value.map(rewriteValue);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteValue(v)]));
    return value;
  };
  let next = updateActivity(definition, catalog, oldId, (a) => ({ ...a, id: newId }));
  for (const { activity } of placements(next, catalog)) {
    const changed: ActivityJson = { ...activity };
    let touched = false;
    if (activity.connections?.some((c) => c.from === oldId || c.to === oldId)) {
      changed.connections = activity.connections.map((c) => ({
        ...c, from: c.from === oldId ? newId : c.from, to: c.to === oldId ? newId : c.to,
      }));
      touched = true;
    }
    if (activity.inputs) {
      const inputs = rewriteValue(activity.inputs) as Record<string, Json>;
      if (activity.type === "Flowchart" && inputs.start === oldId) inputs.start = newId;
      if (JSON.stringify(inputs) !== JSON.stringify(activity.inputs)) {
        changed.inputs = inputs;
        touched = true;
      }
    }
    if (touched) next = updateActivity(next, catalog, activity.id, () => changed);
  }
  if (next.outputs?.some((o) => typeof o.value === "string" && rewriteText(o.value) !== o.value)) {
    next = { ...next, outputs: next.outputs.map((o) => (typeof o.value === "string" ? { ...o, value: rewriteText(o.value) } : o)) };
  }
  return next;
}
