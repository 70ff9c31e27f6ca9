import { describe, expect, it } from "vitest";
import { catalog } from "../test/descriptors";
import { orderByX, toGraph } from "./graph";
import { resolveView } from "./scope";
import type { WorkflowJson } from "./workflow";

const at = (x: number, y: number) => ({ designer: { position: { x, y } } });

const flowchart: WorkflowJson = {
  id: "wf", name: "Workflow",
  root: {
    id: "flow", type: "Flowchart",
    activities: [
      { id: "start", type: "Log", metadata: at(10, 20) },
      { id: "pick", type: "Switch", inputs: { cases: [{ name: "Running", value: "RUNNING" }, { name: "Failed", value: "FAILED" }] }, metadata: at(300, 20) },
      { id: "end", type: "Fail", metadata: at(600, 20) },
      { id: "check", type: "If", metadata: at(600, 200) },
    ],
    connections: [
      { from: "start", to: "pick" },
      { from: "pick", outcome: "Failed", to: "end" },
      { from: "pick", outcome: "Default", to: "ghost" },
    ],
  },
};

describe("toGraph on a flowchart", () => {
  const graph = toGraph(resolveView(flowchart, catalog, []), catalog);

  it("makes a node per activity at its stored position", () => {
    expect(graph.nodes.map((n) => [n.id, n.position])).toEqual([
      ["start", { x: 10, y: 20 }], ["pick", { x: 300, y: 20 }], ["end", { x: 600, y: 20 }], ["check", { x: 600, y: 200 }],
    ]);
    expect(graph.needsLayout).toBe(false);
  });

  it("gives each node a port per outcome, Switch cases first", () => {
    const ports = Object.fromEntries(graph.nodes.map((n) => [n.id, n.data.outcomes]));
    expect(ports).toEqual({ start: ["Done"], pick: ["Running", "Failed", "Default"], end: [], check: ["True", "False"] });
  });

  it("makes an edge per connection between shown activities, from the outcome's port", () => {
    expect(graph.edges.map((e) => [e.source, e.sourceHandle, e.target, e.label])).toEqual([
      ["start", "Done", "pick", undefined],
      ["pick", "Failed", "end", "Failed"],
    ]);
  });

  it("marks where the flowchart starts and lists an If's slots", () => {
    expect(graph.nodes.filter((n) => n.data.start).map((n) => n.id)).toEqual(["start", "check"]);
    expect(graph.nodes.find((n) => n.id === "check")!.data.slots.map((s) => s.name)).toEqual(["then", "else"]);
  });

  it("asks for a layout when a node has no stored position", () => {
    const bare: WorkflowJson = { id: "b", name: "b", root: { id: "f", type: "Flowchart", activities: [{ id: "x", type: "Log" }], connections: [] } };
    expect(toGraph(resolveView(bare, catalog, []), catalog).needsLayout).toBe(true);
  });

  it("carries problems and run states onto nodes and bad connections onto edges", () => {
    const g = toGraph(resolveView(flowchart, catalog, []), catalog, {
      problems: new Map([["end", [{ message: "is required by Fail" }]]]),
      states: new Map([["start", "done"], ["pick", "running"]]),
      badConnections: new Set([1]),
    });
    expect(g.nodes.find((n) => n.id === "end")!.data.problems).toEqual(["is required by Fail"]);
    expect(g.nodes.find((n) => n.id === "pick")!.data.state).toBe("running");
    expect(g.edges[0].className).toBe("edge-traversed");
    expect(g.edges[1].className).toBe("edge-problem");
  });
});

describe("toGraph on a Sequence", () => {
  const sequence: WorkflowJson = {
    id: "s", name: "s", root: { id: "steps", type: "Sequence", activities: [{ id: "a", type: "Log" }, { id: "b", type: "Log" }, { id: "c", type: "Log" }] },
  };
  const graph = toGraph(resolveView(sequence, catalog, []), catalog);

  it("places nodes by order, numbers them, and draws the order as fixed edges", () => {
    expect(graph.nodes.map((n) => n.data.order)).toEqual([1, 2, 3]);
    expect(graph.nodes[0].position.x).toBeLessThan(graph.nodes[1].position.x);
    expect(graph.edges.map((e) => [e.source, e.target, e.deletable])).toEqual([["a", "b", false], ["b", "c", false]]);
    expect(graph.nodes.every((n) => n.data.outcomes.length === 0)).toBe(true);
  });

  it("reads a new order from where nodes were dropped", () => {
    expect(orderByX([{ id: "a", position: { x: 500, y: 0 } }, { id: "b", position: { x: 0, y: 0 } }, { id: "c", position: { x: 250, y: 9 } }]))
      .toEqual(["b", "c", "a"]);
  });
});
