import { describe, expect, it } from "vitest";
import { record, redo, startHistory, undo } from "./history";

describe("history", () => {
  it("undoes and redoes whole edits", () => {
    let h = startHistory("a");
    h = record(h, "b", undefined, 1000);
    h = record(h, "c", undefined, 1001);
    h = undo(h);
    expect(h.present).toBe("b");
    h = undo(h);
    expect(h.present).toBe("a");
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe("b");
  });

  it("merges quick edits of one field into one step, but not edits of different fields", () => {
    let h = startHistory("");
    h = record(h, "h", "name", 1000);
    h = record(h, "he", "name", 1200);
    h = record(h, "hey", "name", 1400);
    expect(h.past).toEqual([""]);
    h = record(h, "hey!", "other", 1500);
    expect(h.past).toEqual(["", "hey"]);
    h = record(h, "hey!!", "other", 5000);
    expect(h.past).toEqual(["", "hey", "hey!"]);
  });

  it("forgets the redo branch when a new edit comes", () => {
    let h = record(startHistory(1), 2, undefined, 1);
    h = undo(h);
    h = record(h, 3, undefined, 2);
    expect(h.future).toEqual([]);
    expect(redo(h)).toBe(h);
  });
});
