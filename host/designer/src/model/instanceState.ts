import type { InstanceDetails } from "../api/types";

export type NodeState = "pending" | "running" | "retrying" | "suspended" | "done" | "faulted" | "cancelled";

// When one activity has several live executions (loop iterations), the one that needs attention wins.
const LIVE_RANK: Record<NodeState, number> = {
  faulted: 6, suspended: 5, retrying: 4, running: 3, pending: 2, cancelled: 1, done: 0,
};

/**
 * The state each activity of an instance is in: the last journal entry of each activity (done, faulted, retrying,
 * cancelled), overridden by its live executions (running, waiting for children, suspended on a bookmark, faulted).
 * Activities with neither have not run.
 */
export function activityStates(details: InstanceDetails): Map<string, NodeState> {
  const states = new Map<string, NodeState>();
  const journal = [...(details.journal ?? [])].sort((a, b) => a.sequence - b.sequence);
  for (const entry of journal) {
    switch (entry.kind) {
      case "Completed": states.set(entry.activityId, "done"); break;
      case "Faulted": states.set(entry.activityId, "faulted"); break;
      case "Retrying": states.set(entry.activityId, "retrying"); break;
      case "Cancelled": states.set(entry.activityId, "cancelled"); break;
      case "Log": break;
    }
  }
  const live = new Map<string, NodeState>();
  for (const frame of details.activities) {
    const state: NodeState = frame.status === "Faulted" ? "faulted"
      : frame.status === "Suspended" ? "suspended"
        : frame.status === "Pending" ? "pending" : "running";
    const current = live.get(frame.activityId);
    if (!current || LIVE_RANK[state] > LIVE_RANK[current]) live.set(frame.activityId, state);
  }
  for (const bookmark of details.bookmarks) {
    // A retry back-off waits on a timer bookmark of the failed activity: it is retrying, not merely suspended.
    if (states.get(bookmark.activityId) === "retrying" && live.get(bookmark.activityId) === "suspended") live.set(bookmark.activityId, "retrying");
  }
  for (const [id, state] of live) states.set(id, state);
  return states;
}

export const STATE_LABEL: Record<NodeState, string> = {
  pending: "pending", running: "running", retrying: "retrying", suspended: "suspended", done: "done",
  faulted: "faulted", cancelled: "cancelled",
};
