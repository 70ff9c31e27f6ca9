// Workflow definition JSON as the designer edits it. The designer keeps the JSON itself as the source of truth and
// changes only what the user changes, so fields it does not know (a plugin's extras) survive a round trip.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type JsonObject = { [key: string]: Json };

export interface Position {
  x: number;
  y: number;
}

export interface ConnectionJson {
  from: string;
  outcome?: string;
  to: string;
  [extra: string]: Json | undefined;
}

export interface ActivityJson {
  id: string;
  type: string;
  displayName?: string;
  description?: string;
  inputs?: JsonObject;
  outputs?: { [output: string]: string };
  retry?: JsonObject;
  join?: string;
  connections?: ConnectionJson[];
  metadata?: JsonObject;
  // Slots (activities, then, else, body, try, ...) and anything a plugin adds.
  [key: string]: unknown;
}

export interface WorkflowInput {
  name: string;
  type?: string;
  required?: boolean;
  default?: Json;
  description?: string;
  displayName?: string;
  uiHint?: string;
  options?: string[];
  [extra: string]: Json | undefined;
}

export interface WorkflowVariable {
  name: string;
  type?: string;
  default?: Json;
  description?: string;
  [extra: string]: Json | undefined;
}

export interface WorkflowOutput {
  name: string;
  type?: string;
  value?: string;
  description?: string;
  [extra: string]: Json | undefined;
}

export interface WorkflowJson {
  id: string;
  version?: number;
  name: string;
  description?: string;
  inputs?: WorkflowInput[];
  variables?: WorkflowVariable[];
  outputs?: WorkflowOutput[];
  options?: JsonObject;
  root?: ActivityJson;
  metadata?: JsonObject;
  [extra: string]: unknown;
}

/** Keys of an activity that are never slots (the engine reads them itself). */
export const NODE_KEYS: ReadonlySet<string> = new Set([
  "id", "type", "displayName", "description", "inputs", "outputs", "retry", "join", "connections", "metadata",
]);

export const DEFAULT_OUTCOME = "Done";

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isActivity(value: unknown): value is ActivityJson {
  return isObject(value) && typeof value.id === "string" && typeof value.type === "string";
}

export function positionOf(activity: ActivityJson): Position | undefined {
  const designer = activity.metadata?.designer;
  if (!isObject(designer) || !isObject(designer.position)) return undefined;
  const { x, y } = designer.position;
  return typeof x === "number" && typeof y === "number" ? { x, y } : undefined;
}

export function withPosition(activity: ActivityJson, position: Position): ActivityJson {
  const metadata = activity.metadata ?? {};
  const designer = isObject(metadata.designer) ? (metadata.designer as JsonObject) : {};
  const rounded = { x: Math.round(position.x), y: Math.round(position.y) };
  return { ...activity, metadata: { ...metadata, designer: { ...designer, position: rounded } } };
}
