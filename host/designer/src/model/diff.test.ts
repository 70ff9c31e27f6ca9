import { describe, expect, it } from "vitest";
import { catalog } from "../test/descriptors";
import { compareDefinitions } from "./diff";
import type { WorkflowJson } from "./workflow";

const v1: WorkflowJson = {
  id: "wf", name: "Restart", inputs: [{ name: "job", type: "string" }],
  root: {
    id: "flow", type: "Flowchart",
    activities: [
      { id: "say", type: "Log", inputs: { message: "hi" }, metadata: { designer: { position: { x: 0, y: 0 } } } },
      { id: "old", type: "Log" },
    ],
    connections: [{ from: "say", outcome: "Done", to: "old" }],
  },
};

const v2: WorkflowJson = {
  id: "wf", name: "Restart a job", inputs: [{ name: "job", type: "string", required: true }, { name: "force", type: "boolean" }],
  root: {
    id: "flow", type: "Flowchart",
    activities: [
      { id: "say", type: "Log", inputs: { message: { expression: "{{ input.job }}" } }, metadata: { designer: { position: { x: 99, y: 99 } } } },
      { id: "wait", type: "Delay" },
    ],
    connections: [{ from: "say", outcome: "Done", to: "wait" }],
  },
};

describe("compareDefinitions", () => {
  const changes = compareDefinitions(catalog, v1, v2);
  const find = (area: string, key: string) => changes.find((c) => c.area === area && c.key === key);

  it("reports header, declaration, activity and connection changes", () => {
    expect(find("workflow", "wf")?.details).toEqual(['name: "Restart" → "Restart a job"']);
    expect(find("input", "job")?.kind).toBe("changed");
    expect(find("input", "force")?.kind).toBe("added");
    expect(find("activity", "say")?.details).toEqual(['input message: "hi" → {"expression":"{{ input.job }}"}']);
    expect(find("activity", "old")?.kind).toBe("removed");
    expect(find("activity", "wait")?.kind).toBe("added");
    expect(find("connection", "say --Done--> wait")?.kind).toBe("added");
    expect(find("connection", "say --Done--> old")?.kind).toBe("removed");
  });

  it("ignores canvas positions", () => {
    expect(changes.some((c) => c.details.some((d) => d.includes("position") || d.includes("metadata")))).toBe(false);
    expect(compareDefinitions(catalog, v1, v1)).toEqual([]);
  });
});
