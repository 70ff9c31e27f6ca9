import {
  Background, Controls, type Edge, MiniMap, type NodeChange, ReactFlow, type OnConnect, type OnDelete,
  applyEdgeChanges, applyNodeChanges, useReactFlow, type EdgeChange, type IsValidConnection,
} from "@xyflow/react";
import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Catalog } from "../model/catalog";
import { type ActivityFlowNode, type ConnectionFlowEdge, type GraphOptions, NODE_WIDTH, estimatedSize, orderByX, toGraph } from "../model/graph";
import { layoutPositions } from "../model/layout";
import type { View } from "../model/scope";
import type { ConnectionJson, Position } from "../model/workflow";
import { ActivityNode } from "./ActivityNode";
import { CanvasActionsContext } from "./CanvasActions";

export const ACTIVITY_MIME = "application/x-streamis-activity";

const nodeTypes = { activity: ActivityNode };

export interface CanvasProps extends GraphOptions {
  view: View;
  selectedId?: string | null;
  catalog: Catalog;
  readOnly?: boolean;
  onSelect: (selection: { activityId: string } | { connection: ConnectionJson } | null) => void;
  onOpenSlot: (ownerId: string, slot: string) => void;
  onConnect?: (connection: ConnectionJson) => void;
  onDelete?: (activityIds: string[], connections: ConnectionJson[]) => void;
  onMove?: (positions: Map<string, Position>) => void;
  onReorder?: (orderedIds: string[]) => void;
  onDropActivity?: (type: string, position: Position) => void;
}

/**
 * The canvas of one view. Nodes move freely while dragged — only the drop is reported, as one change, so a drag
 * never saves a frame at a time. A flowchart without stored positions is laid out once for display and keeps no
 * positions until the user moves something.
 */
export function Canvas(props: CanvasProps) {
  const { view, catalog, readOnly, problems, states, selectedId, badConnections } = props;
  const flow = useReactFlow<ActivityFlowNode, ConnectionFlowEdge>();
  const graph = useMemo(() => toGraph(view, catalog, { problems, states, badConnections }),
    [view, catalog, problems, states, badConnections]);

  const layoutKey = graph.needsLayout ? view.activities.map((a) => a.id).join("|") + JSON.stringify(view.owner?.connections ?? []) : "";
  const [auto, setAuto] = useState<{ key: string; positions: Map<string, Position> } | null>(null);
  useEffect(() => {
    if (!layoutKey || auto?.key === layoutKey) return;
    let current = true;
    layoutPositions(graph.nodes.map((n) => ({ id: n.id, ...estimatedSize(n.data) })), graph.edges)
      .then((positions) => { if (current) setAuto({ key: layoutKey, positions }); });
    return () => { current = false; };
  }, [layoutKey, auto?.key, graph]);
  const waitingForLayout = layoutKey !== "" && auto?.key !== layoutKey;

  const derivedNodes = useMemo(() => {
    if (!layoutKey || !auto) return graph.nodes;
    return graph.nodes.map((n) => {
      const stored = view.activities.find((a) => a.id === n.id)?.metadata?.designer;
      return stored ? n : { ...n, position: auto.positions.get(n.id) ?? n.position };
    });
  }, [graph.nodes, layoutKey, auto, view.activities]);

  // Selection lives in the canvas (React Flow selects on click, focus and drag start); the page's selection is
  // applied on top, so choosing an activity elsewhere (the problem list) selects its node.
  const selectedRef = useRef(selectedId);
  selectedRef.current = selectedId;
  const select = useCallback((list: ActivityFlowNode[]) => {
    // The same list when nothing changes, so React Flow does not take in every node again.
    if (list.every((n) => (n.selected ?? false) === (n.id === selectedRef.current))) return list;
    return list.map((n) => {
      const selected = n.id === selectedRef.current;
      return (n.selected ?? false) === selected ? n : { ...n, selected };
    });
  }, []);
  const [nodes, setNodes] = useState<ActivityFlowNode[]>(() => select(derivedNodes));
  const [edges, setEdges] = useState<ConnectionFlowEdge[]>(graph.edges);
  useEffect(() => setNodes(select(derivedNodes)), [derivedNodes, select]);
  useEffect(() => setNodes((current) => select(current)), [selectedId, select]);
  useEffect(() => setEdges(graph.edges), [graph.edges]);

  const { onSelect } = props;
  const onNodesChange = useCallback((changes: NodeChange<ActivityFlowNode>[]) => {
    // Removal goes through onDelete and comes back from the definition; the rest is local until a drag ends.
    setNodes((current) => applyNodeChanges(changes.filter((c) => c.type !== "remove"), current));
    const picked = changes.find((c) => c.type === "select" && c.selected);
    if (picked && picked.type === "select") onSelect({ activityId: picked.id });
  }, [onSelect]);
  const onEdgesChange = useCallback((changes: EdgeChange<ConnectionFlowEdge>[]) => {
    setEdges((current) => applyEdgeChanges(changes.filter((c) => c.type !== "remove"), current));
    const picked = changes.find((c) => c.type === "select" && c.selected);
    if (picked && picked.type === "select") {
      const edge = edges.find((e) => e.id === picked.id);
      if (edge?.data && edge.data.index >= 0) onSelect({ connection: edge.data.connection });
    }
  }, [onSelect, edges]);

  const { onMove, onReorder, onConnect: connectTo, onDelete: remove, onDropActivity } = props;
  const onNodeDragStop = useCallback((_: unknown, __: unknown, dragged: ActivityFlowNode[]) => {
    const all = flow.getNodes();
    if (view.mode === "sequence") {
      onReorder?.(orderByX(all));
      setNodes(select(derivedNodes));
      return;
    }
    if (view.mode !== "flowchart") {
      setNodes(select(derivedNodes));
      return;
    }
    // Once anything moves, every node keeps where it is shown, so an automatic layout does not shift under the user.
    const moved = graph.needsLayout ? all : dragged;
    onMove?.(new Map(moved.map((n) => [n.id, n.position])));
  }, [flow, view.mode, onReorder, onMove, derivedNodes, graph.needsLayout, select]);

  const onConnect: OnConnect = useCallback((c) => {
    connectTo?.({ from: c.source, outcome: c.sourceHandle ?? "Done", to: c.target });
  }, [connectTo]);
  const isValidConnection: IsValidConnection<Edge> = useCallback((c) => c.source !== c.target, []);
  const onDeleteElements: OnDelete<ActivityFlowNode, ConnectionFlowEdge> = useCallback(({ nodes: gone, edges: cut }) => {
    const ids = gone.map((n) => n.id);
    const connections = cut.filter((e) => e.data && e.data.index >= 0 && !ids.includes(e.source) && !ids.includes(e.target))
      .map((e) => e.data!.connection);
    if (ids.length > 0 || connections.length > 0) remove?.(ids, connections);
  }, [remove]);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(ACTIVITY_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
  }, []);
  const onDrop = useCallback((e: DragEvent) => {
    const type = e.dataTransfer.getData(ACTIVITY_MIME);
    if (!type) return;
    e.preventDefault();
    const position = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    onDropActivity?.(type, { x: position.x - NODE_WIDTH / 2, y: position.y - 30 });
  }, [flow, onDropActivity]);

  const actions = useMemo(() => ({ openSlot: props.onOpenSlot }), [props.onOpenSlot]);
  const viewKey = view.steps.map((s) => `${s.ownerId}.${s.slot}`).join("/") || "root";

  return (
    <CanvasActionsContext.Provider value={actions}>
      <div className="canvas" data-view={viewKey} data-mode={view.mode} onDragOver={onDragOver} onDrop={onDrop}>
        {waitingForLayout ? <div className="canvas-note">Laying out…</div> : (
          <ReactFlow<ActivityFlowNode, ConnectionFlowEdge>
            key={viewKey}
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onNodeDragStop={onNodeDragStop}
            onConnect={onConnect}
            isValidConnection={isValidConnection}
            onDelete={onDeleteElements}
            onPaneClick={() => onSelect(null)}
            nodesDraggable={!readOnly}
            nodesConnectable={!readOnly && view.mode === "flowchart"}
            deleteKeyCode={readOnly ? null : ["Delete", "Backspace"]}
            multiSelectionKeyCode={["Shift", "Meta", "Control"]}
            fitView
            fitViewOptions={{ padding: 0.15, maxZoom: 1.2 }}
            minZoom={0.1}
            defaultEdgeOptions={{ type: "smoothstep" }}
          >
            <Background gap={20} />
            <Controls showInteractive={false} />
            {view.activities.length > 12 && <MiniMap pannable zoomable ariaLabel="Overview of the canvas" />}
          </ReactFlow>
        )}
        {view.activities.length === 0 && (
          <div className="canvas-empty">
            {readOnly ? "Nothing here." : "Drag an activity from the palette, or select it there and press Enter."}
          </div>
        )}
      </div>
    </CanvasActionsContext.Provider>
  );
}
