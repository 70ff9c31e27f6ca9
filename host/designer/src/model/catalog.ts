import type { ActivityDescriptor } from "../api/types";
import { type ActivityJson, type Json, NODE_KEYS, isActivity, isObject } from "./workflow";

export type ContainerMode = "flowchart" | "sequence" | "parallel";

/** One slot of an activity with what it holds now. */
export interface SlotContent {
  name: string;
  multiple: boolean;
  description?: string | null;
  activities: ActivityJson[];
}

export interface PaletteGroup {
  category: string;
  descriptors: ActivityDescriptor[];
}

/**
 * What the designer knows about activity types, from the host's descriptors. An activity of a type the host does
 * not know (a plugin that failed to load) is still shown and kept: its children are found by their shape.
 */
export class Catalog {
  private readonly byType: Map<string, ActivityDescriptor>;

  constructor(readonly descriptors: readonly ActivityDescriptor[]) {
    this.byType = new Map(descriptors.map((d) => [d.type, d]));
  }

  get(type: string): ActivityDescriptor | undefined {
    return this.byType.get(type);
  }

  slots(activity: ActivityJson): SlotContent[] {
    const descriptor = this.byType.get(activity.type);
    if (descriptor) {
      return descriptor.slots.map((slot) => ({
        name: slot.name,
        multiple: slot.multiple,
        description: slot.description,
        activities: slotActivities(activity[slot.name], slot.multiple),
      }));
    }
    const found: SlotContent[] = [];
    for (const [key, value] of Object.entries(activity)) {
      if (NODE_KEYS.has(key)) continue;
      if (isActivity(value)) found.push({ name: key, multiple: false, activities: [value] });
      else if (Array.isArray(value) && value.length > 0 && value.every(isActivity))
        found.push({ name: key, multiple: true, activities: value as ActivityJson[] });
    }
    return found;
  }

  children(activity: ActivityJson): ActivityJson[] {
    return this.slots(activity).flatMap((s) => s.activities);
  }

  /** Declared outcomes, with a Switch's case names (from the literal list input that names them) first. */
  outcomes(activity: ActivityJson): string[] {
    const descriptor = this.byType.get(activity.type);
    if (!descriptor) return [...new Set((activity.connections ?? []).map((c) => c.outcome ?? "Done"))];
    const dynamic: string[] = [];
    if (descriptor.dynamicOutcomesInput) {
      let value: Json | undefined = activity.inputs?.[descriptor.dynamicOutcomesInput];
      if (isObject(value) && "literal" in value) value = (value as { literal: Json }).literal;
      if (Array.isArray(value))
        for (const item of value)
          if (isObject(item) && typeof item.name === "string" && item.name.length > 0) dynamic.push(item.name);
    }
    return [...new Set([...dynamic, ...descriptor.outcomes])];
  }

  /**
   * How the designer shows an activity whose only slot is a list: its children on a canvas of their own. Null for
   * activities that are nodes with slots (If, TryCatch, loops) or no children at all.
   */
  containerMode(activity: ActivityJson): ContainerMode | null {
    const descriptor = this.byType.get(activity.type);
    if (!descriptor || descriptor.slots.length !== 1 || !descriptor.slots[0].multiple) return null;
    if (activity.type === "Flowchart") return "flowchart";
    return activity.type === "Sequence" ? "sequence" : "parallel";
  }

  paletteGroups(filter = ""): PaletteGroup[] {
    const needle = filter.trim().toLowerCase();
    const groups = new Map<string, ActivityDescriptor[]>();
    for (const d of this.descriptors) {
      const haystack = `${d.displayName} ${d.type} ${d.category} ${d.description ?? ""} ${d.source ?? ""}`.toLowerCase();
      if (needle && !haystack.includes(needle)) continue;
      const list = groups.get(d.category) ?? [];
      list.push(d);
      groups.set(d.category, list);
    }
    return [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([category, descriptors]) => ({
        category,
        descriptors: descriptors.sort((a, b) => a.displayName.localeCompare(b.displayName)),
      }));
  }
}

function slotActivities(value: unknown, multiple: boolean): ActivityJson[] {
  if (multiple) return Array.isArray(value) ? value.filter(isActivity) : [];
  return isActivity(value) ? [value] : [];
}
