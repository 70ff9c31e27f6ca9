import type { ELK as ElkEngine } from "elkjs/lib/elk-api";
import type { Position } from "./workflow";

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}

export interface LayoutEdge {
  source: string;
  target: string;
}

let engine: Promise<ElkEngine> | null = null;

/** elkjs is large (1.4 MB), so it is not part of the page: it is fetched the first time a layout is needed. */
export function loadLayoutEngine(): Promise<ElkEngine> {
  engine ??= import("elkjs/lib/elk.bundled.js").then(({ default: ELK }) => new ELK());
  return engine;
}

/** Above this many activities a long flowchart is wrapped into rows, so it is not one line too thin to read. */
const WRAP_ABOVE = 12;

/** Left-to-right layered layout of a flowchart. */
export async function layoutPositions(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Promise<Map<string, Position>> {
  const elk = await loadLayoutEngine();
  const ids = new Set(nodes.map((n) => n.id));
  const wrap: Record<string, string> = nodes.length > WRAP_ABOVE ? { "elk.layered.wrapping.strategy": "SINGLE_EDGE", "elk.aspectRatio": "1.6" } : {};
  const graph = await elk.layout({
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.spacing.nodeNode": "40",
      "elk.layered.spacing.nodeNodeBetweenLayers": "90",
      "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
      ...wrap,
    },
    children: nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: edges
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e, i) => ({ id: `e${i}`, sources: [e.source], targets: [e.target] })),
  });
  return new Map((graph.children ?? []).map((c) => [c.id, { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) }]));
}
