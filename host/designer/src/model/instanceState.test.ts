import { describe, expect, it } from "vitest";
import type { InstanceDetails, JournalEntry } from "../api/types";
import { activityStates } from "./instanceState";

const entry = (sequence: number, activityId: string, kind: JournalEntry["kind"]): JournalEntry => ({
  sequence, instanceId: "i", activityId, activityType: "Log", frameId: sequence, kind, timestamp: "2026-01-01T00:00:00Z", attempt: 1,
});

const details = (journal: JournalEntry[], activities: InstanceDetails["activities"] = [], bookmarks: InstanceDetails["bookmarks"] = []): InstanceDetails => ({
  summary: {
    id: "i", definitionId: "wf", definitionVersion: 1, status: "Running", subStatus: "", createdAt: "", updatedAt: "", incidentCount: 0,
  },
  incidents: [], bookmarks, activities, journal,
});

const frame = (activityId: string, status: InstanceDetails["activities"][number]["status"], frameId = 1) =>
  ({ frameId, activityId, status, attempt: 1, startedAt: "" });

describe("activityStates", () => {
  it("takes the last journal entry of each activity; log lines change nothing", () => {
    const states = activityStates(details([entry(1, "a", "Completed"), entry(2, "b", "Log"), entry(3, "b", "Faulted"), entry(4, "a", "Faulted"), entry(5, "a", "Completed")]));
    expect(Object.fromEntries(states)).toEqual({ a: "done", b: "faulted" });
  });

  it("lets live executions override the journal, the most urgent one winning", () => {
    const states = activityStates(details([entry(1, "loop", "Completed")], [
      frame("loop", "Waiting", 1), frame("body", "Running", 2), frame("body", "Suspended", 3), frame("next", "Pending", 4),
    ]));
    expect(Object.fromEntries(states)).toEqual({ loop: "running", body: "suspended", next: "pending" });
  });

  it("shows an activity waiting out a retry back-off as retrying", () => {
    const states = activityStates(details([entry(1, "probe", "Retrying")], [frame("probe", "Suspended")],
      [{ id: "b1", name: "retry", activityId: "probe", resumeAt: "2026-01-01T00:00:05Z" }]));
    expect(states.get("probe")).toBe("retrying");
  });
});
