import { describe, expect, it } from "vitest";
import { parseIds } from "./ids";

describe("parseIds", () => {
  it("reads ids separated by commas, spaces or new lines", () => {
    expect(parseIds("12, 13\n14;15")).toEqual({ ids: [12, 13, 14, 15] });
    expect(parseIds("")).toEqual({ ids: [] });
  });

  it("names the first piece that is not an id", () => {
    expect(parseIds("12, x1, 13").error).toBe("“x1” is not an id (a whole number)");
  });
});
