import type { Catalog, ContainerMode } from "./catalog";
import { placements } from "./tree";
import type { ActivityJson, WorkflowJson } from "./workflow";

/** One level of drilling in: the slot <c>slot</c> of the activity <c>ownerId</c> shown on the canvas. */
export interface ScopeStep {
  ownerId: string;
  slot: string;
}

export type ViewMode = ContainerMode | "single";

export interface Crumb {
  label: string;
  steps: ScopeStep[];
}

/**
 * What the canvas shows: the activities of one slot. The definition's root slot, or a slot the user opened, holds
 * one activity; when that activity is a list container (Flowchart, Sequence, Parallel) the canvas shows the list
 * instead, so a workflow opens on its flowchart rather than on a single box.
 */
export interface View {
  steps: ScopeStep[];
  /** The activity whose slot is shown; null for the definition's root slot. */
  owner: ActivityJson | null;
  slot: string;
  mode: ViewMode;
  activities: ActivityJson[];
  crumbs: Crumb[];
}

export function resolveView(definition: WorkflowJson, catalog: Catalog, steps: readonly ScopeStep[]): View {
  let view = descend(catalog, null, "root", false, definition.root ? [definition.root] : [], []);
  view.crumbs = [{ label: "Workflow", steps: [] }];
  for (const step of steps) {
    const owner = view.activities.find((a) => a.id === step.ownerId);
    const slot = owner && catalog.slots(owner).find((s) => s.name === step.slot);
    if (!owner || !slot) break;
    const crumbs = view.crumbs;
    const resolved = [...view.steps, step];
    view = descend(catalog, owner, slot.name, slot.multiple, slot.activities, resolved);
    view.crumbs = [...crumbs, { label: `${owner.displayName || owner.id} › ${slot.name}`, steps: resolved }];
  }
  return view;
}

function descend(catalog: Catalog, owner: ActivityJson | null, slot: string, multiple: boolean,
  activities: ActivityJson[], steps: ScopeStep[]): View {
  if (multiple && owner) {
    return { steps, owner, slot, mode: catalog.containerMode(owner) ?? "parallel", activities, crumbs: [] };
  }
  const only = activities[0];
  const mode = only ? catalog.containerMode(only) : null;
  if (only && mode) {
    const list = catalog.slots(only)[0];
    return { steps, owner: only, slot: list.name, mode, activities: list.activities, crumbs: [] };
  }
  return { steps, owner, slot, mode: "single", activities, crumbs: [] };
}

/**
 * The steps that open the view showing the activity: as a node, or as the container the canvas shows (a root
 * Flowchart). Undefined when it is not in the definition.
 */
export function stepsTo(definition: WorkflowJson, catalog: Catalog, activityId: string): ScopeStep[] | undefined {
  const placement = placements(definition, catalog).find((p) => p.activity.id === activityId);
  if (!placement) return undefined;
  const steps: ScopeStep[] = [];
  for (;;) {
    const view = resolveView(definition, catalog, steps);
    if (view.activities.some((a) => a.id === activityId) || view.owner?.id === activityId) return steps;
    const next = placement.ancestors.find((a) => view.activities.some((shown) => shown.id === a.activity.id));
    if (!next) return undefined;
    steps.push({ ownerId: next.activity.id, slot: next.slot });
  }
}
