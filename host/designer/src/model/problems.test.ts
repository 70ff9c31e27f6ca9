import { describe, expect, it } from "vitest";
import { catalog } from "../test/descriptors";
import { inputMessages, locate, locateAll, parsePath, problemsByActivity } from "./problems";
import type { WorkflowJson } from "./workflow";

const definition: WorkflowJson = {
  id: "wf", name: "Workflow",
  inputs: [{ name: "job", type: "string" }],
  root: {
    id: "flow", type: "Flowchart",
    activities: [
      { id: "say", type: "Log", inputs: { message: "hi" } },
      {
        id: "check", type: "If", inputs: { condition: { expression: "{{ true }}" } },
        then: { id: "steps", type: "Sequence", activities: [{ id: "a", type: "Log" }, { id: "boom", type: "Fail" }] },
      },
    ],
    connections: [{ from: "say", outcome: "Done", to: "check" }, { from: "check", outcome: "Nope", to: "say" }],
  },
};

describe("parsePath", () => {
  it("splits names and indexes", () => {
    expect(parsePath("$.root.activities[1].then.activities[0].inputs.message")).toEqual(
      ["root", "activities", 1, "then", "activities", 0, "inputs", "message"]);
    expect(parsePath("$")).toEqual([]);
  });
});

describe("locate", () => {
  it("maps an input path inside nested slots to the activity and the input", () => {
    expect(locate(definition, catalog, "$.root.activities[1].then.activities[1].inputs.message"))
      .toEqual({ kind: "activity", activityId: "boom", field: { kind: "input", name: "message" } });
  });

  it("keeps the rest of an input path (an expression's own path) on the input", () => {
    expect(locate(definition, catalog, "$.root.activities[0].inputs.message.expression"))
      .toEqual({ kind: "activity", activityId: "say", field: { kind: "input", name: "message" } });
  });

  it("maps a connection problem to the flowchart and the connection's index", () => {
    expect(locate(definition, catalog, "$.root.connections[1].outcome"))
      .toEqual({ kind: "activity", activityId: "flow", field: { kind: "connection", index: 1 } });
  });

  it("maps an activity-level problem (unreachable) to the activity itself", () => {
    expect(locate(definition, catalog, "$.root.activities[1].then")).toEqual({ kind: "activity", activityId: "steps", field: { kind: "activity" } });
    expect(locate(definition, catalog, "$.root.activities[0].id")).toEqual({ kind: "activity", activityId: "say", field: { kind: "id" } });
  });

  it("maps declared inputs, variables and outputs by index and field", () => {
    expect(locate(definition, catalog, "$.inputs[0].name")).toEqual({ kind: "declaration", list: "inputs", index: 0, field: "name" });
    expect(locate(definition, catalog, "$.variables[2].default")).toEqual({ kind: "declaration", list: "variables", index: 2, field: "default" });
  });

  it("maps header problems to the workflow's field", () => {
    expect(locate(definition, catalog, "$.name")).toEqual({ kind: "workflow", field: "name" });
    expect(locate(definition, catalog, "$.options.maxConcurrency")).toEqual({ kind: "workflow", field: "options" });
  });

  it("stops at the deepest activity when the path leaves the definition", () => {
    expect(locate(definition, catalog, "$.root.activities[7].inputs.message")).toEqual({ kind: "activity", activityId: "flow", field: { kind: "activity" } });
  });
});

describe("problem lookups", () => {
  it("groups problems by activity and finds the messages of one input", () => {
    const located = locateAll(definition, catalog, [
      { path: "$.root.activities[0].inputs.message", message: "is required by Log" },
      { path: "$.root.activities[0]", message: "is unreachable" },
      { path: "$.name", message: "too long" },
    ]);
    expect(problemsByActivity(located).get("say")?.map((p) => p.message)).toEqual(["is required by Log", "is unreachable"]);
    expect(inputMessages(located, "say", "message")).toEqual(["is required by Log"]);
    expect(inputMessages(located, "say", "level")).toEqual([]);
  });
});
