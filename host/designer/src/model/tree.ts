import type { Catalog } from "./catalog";
import type { ActivityJson, WorkflowJson } from "./workflow";

/** Where an activity sits: its parent (null for the root) and the parent's slot that holds it. */
export interface Placement {
  activity: ActivityJson;
  parent: ActivityJson | null;
  slot: string;
  /** Position in a list slot; null in a single slot. */
  index: number | null;
  /** From the root down to the parent: each ancestor with the slot that leads on. */
  ancestors: { activity: ActivityJson; slot: string }[];
}

/** Every activity of the definition, parents before children. */
export function placements(definition: WorkflowJson, catalog: Catalog): Placement[] {
  const result: Placement[] = [];
  const visit = (activity: ActivityJson, parent: ActivityJson | null, slot: string, index: number | null,
    ancestors: Placement["ancestors"]) => {
    result.push({ activity, parent, slot, index, ancestors });
    for (const s of catalog.slots(activity)) {
      const below = [...ancestors, { activity, slot: s.name }];
      s.activities.forEach((child, i) => visit(child, activity, s.name, s.multiple ? i : null, below));
    }
  };
  if (definition.root) visit(definition.root, null, "root", null, []);
  return result;
}

export function findPlacement(definition: WorkflowJson, catalog: Catalog, id: string): Placement | undefined {
  return placements(definition, catalog).find((p) => p.activity.id === id);
}

export function activityIds(definition: WorkflowJson, catalog: Catalog): Set<string> {
  return new Set(placements(definition, catalog).map((p) => p.activity.id));
}

/** A fresh id for a new activity of the type: its name in camelCase plus the first free number. */
export function uniqueId(taken: ReadonlySet<string>, type: string): string {
  const letters = type.replace(/[^A-Za-z0-9_]/g, "");
  const base = letters.length > 0 ? letters[0].toLowerCase() + letters.slice(1) : "activity";
  const start = /^[A-Za-z_]/.test(base) ? base : `a${base}`;
  for (let n = 1; ; n++) if (!taken.has(`${start}${n}`)) return `${start}${n}`;
}

/**
 * The definition with one activity replaced by what <paramref>change</paramref> returns (null removes it). Only the
 * path down to it is copied; every other activity keeps its identity, which lets the canvas skip unchanged nodes.
 */
export function updateActivity(definition: WorkflowJson, catalog: Catalog, id: string,
  change: (activity: ActivityJson) => ActivityJson | null): WorkflowJson {
  const rewrite = (activity: ActivityJson): ActivityJson | null | undefined => {
    if (activity.id === id) return change(activity);
    let copy: ActivityJson | undefined;
    for (const slot of catalog.slots(activity)) {
      if (slot.multiple) {
        const before = activity[slot.name];
        if (!Array.isArray(before)) continue;
        let changed = false;
        const after: ActivityJson[] = [];
        for (const child of before as ActivityJson[]) {
          const result = rewrite(child);
          if (result === undefined) after.push(child);
          else {
            changed = true;
            if (result !== null) after.push(result);
          }
        }
        if (changed) (copy ??= { ...activity })[slot.name] = after;
      } else if (slot.activities.length === 1) {
        const result = rewrite(slot.activities[0]);
        if (result === undefined) continue;
        copy ??= { ...activity };
        if (result === null) delete copy[slot.name];
        else copy[slot.name] = result;
      }
      if (copy) return copy;
    }
    return copy;
  };
  if (!definition.root) return definition;
  const root = rewrite(definition.root);
  if (root === undefined) return definition;
  const next = { ...definition };
  if (root === null) delete next.root;
  else next.root = root;
  return next;
}
