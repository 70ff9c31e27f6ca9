import { describe, expect, it } from "vitest";
import { catalog } from "../test/descriptors";
import { resolveView, stepsTo } from "./scope";
import type { WorkflowJson } from "./workflow";

const definition: WorkflowJson = {
  id: "wf", name: "Workflow",
  root: {
    id: "flow", type: "Flowchart",
    activities: [
      { id: "say", type: "Log" },
      {
        id: "watch", type: "TryCatch",
        try: { id: "loop", type: "While", body: { id: "poll", type: "Sequence", activities: [{ id: "wait", type: "Delay" }, { id: "probe", type: "Log" }] } },
        catch: { id: "warn", type: "Log" },
      },
    ],
    connections: [{ from: "say", to: "watch" }],
  },
};

describe("resolveView", () => {
  it("opens a root flowchart on its activities", () => {
    const view = resolveView(definition, catalog, []);
    expect(view.mode).toBe("flowchart");
    expect(view.owner?.id).toBe("flow");
    expect(view.activities.map((a) => a.id)).toEqual(["say", "watch"]);
  });

  it("opens a single slot on its activity, and a slot holding a Sequence on the sequence's activities", () => {
    const trySlot = resolveView(definition, catalog, [{ ownerId: "watch", slot: "try" }]);
    expect(trySlot.mode).toBe("single");
    expect(trySlot.activities.map((a) => a.id)).toEqual(["loop"]);
    const body = resolveView(definition, catalog, [{ ownerId: "watch", slot: "try" }, { ownerId: "loop", slot: "body" }]);
    expect(body.mode).toBe("sequence");
    expect(body.owner?.id).toBe("poll");
    expect(body.activities.map((a) => a.id)).toEqual(["wait", "probe"]);
    expect(body.crumbs.map((c) => c.label)).toEqual(["Workflow", "watch › try", "loop › body"]);
  });

  it("shows an empty single slot as an empty canvas", () => {
    const view = resolveView(definition, catalog, [{ ownerId: "watch", slot: "finally" }]);
    expect(view.mode).toBe("single");
    expect(view.activities).toEqual([]);
  });

  it("drops steps that no longer lead anywhere (the activity was deleted)", () => {
    const view = resolveView(definition, catalog, [{ ownerId: "gone", slot: "try" }]);
    expect(view.steps).toEqual([]);
    expect(view.owner?.id).toBe("flow");
  });
});

describe("stepsTo", () => {
  it("finds the drill-in path to a nested activity", () => {
    expect(stepsTo(definition, catalog, "probe")).toEqual([{ ownerId: "watch", slot: "try" }, { ownerId: "loop", slot: "body" }]);
    expect(stepsTo(definition, catalog, "say")).toEqual([]);
    expect(stepsTo(definition, catalog, "flow")).toEqual([]);
    expect(stepsTo(definition, catalog, "missing")).toBeUndefined();
  });
});
