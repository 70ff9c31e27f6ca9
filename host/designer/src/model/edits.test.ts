import { describe, expect, it } from "vitest";
import { catalog } from "../test/descriptors";
import {
  addActivity, connect, disconnect, idProblem, moveActivities, newActivity, removeActivities, renameActivity, reorder, setInput,
} from "./edits";
import { resolveView } from "./scope";
import { findPlacement } from "./tree";
import { type ActivityJson, type WorkflowJson, positionOf } from "./workflow";

const base: WorkflowJson = {
  id: "wf", name: "Workflow",
  outputs: [{ name: "text", value: "{{ activities.say.text }}" }],
  root: {
    id: "flow", type: "Flowchart",
    activities: [
      { id: "say", type: "Log", inputs: { message: "hi" }, extraFromPlugin: { keep: true } },
      { id: "check", type: "If", inputs: { condition: { expression: "{{ activities.say.done }}" } }, then: { id: "inner", type: "Log" } },
    ],
    connections: [{ from: "say", outcome: "Done", to: "check" }],
    inputs: { start: "say" },
  },
};

const ids = (d: WorkflowJson) => (d.root!.activities as ActivityJson[]).map((a) => a.id);

describe("adding", () => {
  it("gives a new activity the first free id of its type and empty list slots", () => {
    expect(newActivity(base, catalog, "Log").id).toBe("log1");
    expect(newActivity(base, catalog, "Sequence")).toEqual({ id: "sequence1", type: "Sequence", activities: [] });
  });

  it("appends to the flowchart on the canvas at the drop position, leaving the original untouched", () => {
    const view = resolveView(base, catalog, []);
    const next = addActivity(base, catalog, view, { id: "log1", type: "Log" }, { x: 12.4, y: 40.6 });
    expect(ids(next)).toEqual(["say", "check", "log1"]);
    expect(positionOf(findPlacement(next, catalog, "log1")!.activity)).toEqual({ x: 12, y: 41 });
    expect(ids(base)).toEqual(["say", "check"]);
    // Unchanged activities keep their identity, so the canvas can skip them.
    expect(findPlacement(next, catalog, "say")!.activity).toBe(findPlacement(base, catalog, "say")!.activity);
  });

  it("fills an empty single slot, and wraps a taken one in a Sequence", () => {
    const elseView = resolveView(base, catalog, [{ ownerId: "check", slot: "else" }]);
    const filled = addActivity(base, catalog, elseView, { id: "log1", type: "Log" });
    expect((findPlacement(filled, catalog, "check")!.activity.else as ActivityJson).id).toBe("log1");

    const thenView = resolveView(base, catalog, [{ ownerId: "check", slot: "then" }]);
    const wrapped = addActivity(base, catalog, thenView, { id: "log1", type: "Log" });
    const then = findPlacement(wrapped, catalog, "check")!.activity.then as ActivityJson;
    expect(then.type).toBe("Sequence");
    expect((then.activities as ActivityJson[]).map((a) => a.id)).toEqual(["inner", "log1"]);
  });
});

describe("removing", () => {
  it("removes activities with their connections", () => {
    const next = removeActivities(base, catalog, ["check"]);
    expect(ids(next)).toEqual(["say"]);
    expect(next.root!.connections).toEqual([]);
  });
});

describe("connections", () => {
  it("connects an outcome once and disconnects it", () => {
    const once = connect(base, catalog, "flow", { from: "check", outcome: "True", to: "say" });
    const twice = connect(once, catalog, "flow", { from: "check", outcome: "True", to: "say" });
    expect(twice.root!.connections).toHaveLength(2);
    const cut = disconnect(twice, catalog, "flow", [{ from: "say", to: "check" }]);
    expect(cut.root!.connections).toEqual([{ from: "check", outcome: "True", to: "say" }]);
  });
});

describe("moving and ordering", () => {
  it("stores positions as whole numbers in the designer's metadata", () => {
    const next = moveActivities(base, catalog, new Map([["say", { x: 1.2, y: 2.7 }]]));
    expect(findPlacement(next, catalog, "say")!.activity.metadata).toEqual({ designer: { position: { x: 1, y: 3 } } });
  });

  it("reorders a list slot", () => {
    expect(ids(reorder(base, catalog, "flow", "activities", ["check", "say"]))).toEqual(["check", "say"]);
  });
});

describe("inputs", () => {
  it("sets and removes an input, keeping fields it does not know", () => {
    const set = setInput(base, catalog, "say", "level", "Warning");
    expect(findPlacement(set, catalog, "say")!.activity.inputs).toEqual({ message: "hi", level: "Warning" });
    expect(findPlacement(set, catalog, "say")!.activity.extraFromPlugin).toEqual({ keep: true });
    const cleared = setInput(setInput(set, catalog, "say", "level", undefined), catalog, "say", "message", undefined);
    expect(findPlacement(cleared, catalog, "say")!.activity.inputs).toBeUndefined();
  });
});

describe("renaming", () => {
  it("renames connections, the flowchart's start and expressions that read the activity", () => {
    const next = renameActivity(base, catalog, "say", "greet");
    expect(findPlacement(next, catalog, "greet")).toBeDefined();
    expect(next.root!.connections).toEqual([{ from: "greet", outcome: "Done", to: "check" }]);
    expect(next.root!.inputs).toEqual({ start: "greet" });
    expect(findPlacement(next, catalog, "check")!.activity.inputs).toEqual({ condition: { expression: "{{ activities.greet.done }}" } });
    expect(next.outputs![0].value).toBe("{{ activities.greet.text }}");
  });

  it("does not touch names that only start the same", () => {
    const d: WorkflowJson = { ...base, outputs: [{ name: "x", value: "{{ activities.sayMore.text }}" }] };
    expect(renameActivity(d, catalog, "say", "greet").outputs![0].value).toBe("{{ activities.sayMore.text }}");
  });

  it("refuses ids that are malformed or taken", () => {
    expect(idProblem(base, catalog, "say", "say")).toBeNull();
    expect(idProblem(base, catalog, "say", "1st")).toMatch(/letters/);
    expect(idProblem(base, catalog, "say", "inner")).toMatch(/already/);
  });
});
