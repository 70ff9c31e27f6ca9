import type { Edge, Node } from "@xyflow/react";
import type { ActivityDescriptor } from "../api/types";
import type { Catalog, SlotContent } from "./catalog";
import type { NodeState } from "./instanceState";
import type { View, ViewMode } from "./scope";
import { type ActivityJson, type ConnectionJson, DEFAULT_OUTCOME, type Position, positionOf } from "./workflow";

export interface ActivityNodeData extends Record<string, unknown> {
  activity: ActivityJson;
  descriptor?: ActivityDescriptor;
  /** Output ports: the activity's outcomes on a flowchart, none elsewhere (order is the connection there). */
  outcomes: string[];
  slots: SlotContent[];
  mode: ViewMode;
  /** 1-based place in a Sequence. */
  order?: number;
  problems: string[];
  state?: NodeState;
  /** A flowchart child no connection leads to: the flowchart starts there. */
  start: boolean;
}

export interface ConnectionEdgeData extends Record<string, unknown> {
  connection: ConnectionJson;
  index: number;
}

export type ActivityFlowNode = Node<ActivityNodeData, "activity">;
export type ConnectionFlowEdge = Edge<ConnectionEdgeData>;

export interface GraphOptions {
  problems?: ReadonlyMap<string, readonly { message: string }[]>;
  states?: ReadonlyMap<string, NodeState>;
  /** Connection indexes with a problem. */
  badConnections?: ReadonlySet<number>;
}

export const NODE_WIDTH = 180;
const SEQUENCE_GAP = 240;
const ROW_GAP = 150;

export interface Graph {
  nodes: ActivityFlowNode[];
  edges: ConnectionFlowEdge[];
  /** Some flowchart node has no stored position: the canvas lays the flowchart out once. */
  needsLayout: boolean;
}

/** Nodes and edges of a view: stored positions on a flowchart, positions by order in a Sequence or Parallel. */
export function toGraph(view: View, catalog: Catalog, options: GraphOptions = {}): Graph {
  const connections = view.mode === "flowchart" ? (view.owner?.connections ?? []) : [];
  const targets = new Set(connections.map((c) => c.to));
  let needsLayout = false;
  const nodes = view.activities.map((activity, i): ActivityFlowNode => {
    let position: Position;
    if (view.mode === "flowchart") {
      const stored = positionOf(activity);
      if (!stored) needsLayout = true;
      position = stored ?? { x: (i % 5) * (NODE_WIDTH + 80), y: Math.floor(i / 5) * ROW_GAP };
    } else if (view.mode === "sequence") position = { x: i * SEQUENCE_GAP, y: 0 };
    else position = { x: 0, y: i * ROW_GAP };
    return {
      id: activity.id,
      type: "activity",
      position,
      // Inside a Sequence the order is the position; dragging there reorders instead of placing freely.
      data: {
        activity,
        descriptor: catalog.get(activity.type),
        outcomes: view.mode === "flowchart" ? catalog.outcomes(activity) : [],
        slots: catalog.slots(activity),
        mode: view.mode,
        order: view.mode === "sequence" ? i + 1 : undefined,
        problems: (options.problems?.get(activity.id) ?? []).map((p) => p.message),
        state: options.states?.get(activity.id),
        start: view.mode === "flowchart" && !targets.has(activity.id),
      },
    };
  });

  const edges: ConnectionFlowEdge[] = [];
  if (view.mode === "flowchart") {
    const present = new Set(view.activities.map((a) => a.id));
    connections.forEach((connection, index) => {
      if (!present.has(connection.from) || !present.has(connection.to)) return;
      const outcome = connection.outcome ?? DEFAULT_OUTCOME;
      const bad = options.badConnections?.has(index) ?? false;
      const traversed = options.states?.get(connection.from) === "done" && options.states?.has(connection.to);
      edges.push({
        id: `c${index}:${connection.from}:${outcome}:${connection.to}`,
        source: connection.from,
        sourceHandle: outcome,
        target: connection.to,
        targetHandle: "in",
        label: outcome === DEFAULT_OUTCOME ? undefined : outcome,
        className: [bad ? "edge-problem" : "", traversed ? "edge-traversed" : ""].join(" ").trim() || undefined,
        data: { connection, index },
      });
    });
  } else if (view.mode === "sequence") {
    for (let i = 1; i < view.activities.length; i++) {
      edges.push({
        id: `seq${i}`,
        source: view.activities[i - 1].id,
        sourceHandle: "next",
        target: view.activities[i].id,
        targetHandle: "in",
        deletable: false,
        selectable: false,
        className: "edge-sequence",
        data: { connection: { from: view.activities[i - 1].id, to: view.activities[i].id }, index: -1 },
      });
    }
  }
  return { nodes, edges, needsLayout };
}

/** The order of a Sequence's children after a drag: left to right by where their nodes now are. */
export function orderByX(nodes: readonly { id: string; position: Position }[]): string[] {
  return [...nodes].sort((a, b) => a.position.x - b.position.x).map((n) => n.id);
}

/** A node's size before it is drawn, close enough for laying out a flowchart that has no stored positions. */
export function estimatedSize(data: ActivityNodeData): { width: number; height: number } {
  const badges = data.start || data.problems.length > 0 || data.state || data.activity.retry || data.activity.join === "all" ? 24 : 0;
  return { width: NODE_WIDTH, height: 58 + badges + data.slots.length * 30 + data.outcomes.length * 22 };
}
