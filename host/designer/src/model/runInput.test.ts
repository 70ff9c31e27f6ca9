import { describe, expect, it } from "vitest";
import { buildRunInput, runErrorsFromProblems } from "./runInput";
import type { WorkflowInput } from "./workflow";

const declared: WorkflowInput[] = [
  { name: "jobName", type: "string", required: true },
  { name: "jobs", type: "array", required: true, default: [] },
  { name: "parallelism", type: "integer", default: 4 },
  { name: "force", type: "boolean" },
  { name: "mode", type: "string", options: ["fast", "safe"] },
];

describe("buildRunInput", () => {
  it("parses each field by type and leaves empty ones to their defaults", () => {
    const result = buildRunInput(declared, { jobName: "orders", jobs: "", parallelism: "8", force: "true", mode: "safe" });
    expect(result).toEqual({ input: { jobName: "orders", parallelism: 8, force: true, mode: "safe" }, errors: {} });
  });

  it("names every field that is wrong", () => {
    const result = buildRunInput(declared, { jobName: "", jobs: "{", parallelism: "two", force: "false", mode: "slow" });
    expect(result.errors).toEqual({
      jobName: "is required",
      jobs: expect.stringMatching(/not valid JSON/),
      parallelism: "must be a whole number",
      mode: "must be one of fast, safe",
    });
  });
});

describe("runErrorsFromProblems", () => {
  it("puts the host's input problems on their fields and keeps the rest", () => {
    expect(runErrorsFromProblems([
      { path: "$.input.jobName", message: "is required (Flink job)" },
      { path: "$.definitionId", message: "is required" },
    ])).toEqual({ fields: { jobName: "is required (Flink job)" }, other: ["$.definitionId: is required"] });
  });
});
