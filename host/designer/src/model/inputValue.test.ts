import { describe, expect, it } from "vitest";
import { literalOf, literalText, modeOf, parseLiteral, storeLiteral, switchMode } from "./inputValue";

describe("input modes", () => {
  it("tells literals, expressions and variables apart", () => {
    expect(modeOf("text")).toBe("literal");
    expect(modeOf({ expression: "{{ 1 }}" })).toBe("expression");
    expect(modeOf({ variable: "x" })).toBe("variable");
    expect(modeOf({ literal: { expression: "not one" } })).toBe("literal");
    expect(literalOf({ literal: { expression: "not one" } })).toEqual({ expression: "not one" });
  });

  it("wraps a literal that would read as an expression", () => {
    expect(storeLiteral({ expression: "x" })).toEqual({ literal: { expression: "x" } });
    expect(storeLiteral({ a: 1 })).toEqual({ a: 1 });
  });

  it("keeps the text when switching between a value and an expression", () => {
    const expression = switchMode("Hello {{ input.who }}", "expression", "string");
    expect(expression).toEqual({ expression: "Hello {{ input.who }}" });
    expect(switchMode(expression, "literal", "string")).toBe("Hello {{ input.who }}");
    expect(switchMode(5, "expression", "integer")).toEqual({ expression: "5" });
    expect(switchMode({ expression: "42" }, "literal", "integer")).toBe(42);
    expect(switchMode({ expression: "{{ x }}" }, "literal", "integer")).toBe("{{ x }}");
    expect(switchMode("attempts", "variable", "string")).toEqual({ variable: "attempts" });
  });
});

describe("parseLiteral", () => {
  it("reads each value type and names what is wrong", () => {
    expect(parseLiteral("", "integer")).toEqual({ ok: true, value: undefined });
    expect(parseLiteral(" 12 ", "integer")).toEqual({ ok: true, value: 12 });
    expect(parseLiteral("1.5", "integer")).toEqual({ ok: false, error: "must be a whole number" });
    expect(parseLiteral("1.5", "number")).toEqual({ ok: true, value: 1.5 });
    expect(parseLiteral("[1,2]", "array")).toEqual({ ok: true, value: [1, 2] });
    expect(parseLiteral("{}", "array")).toMatchObject({ ok: false });
    expect(parseLiteral("{oops", "object")).toMatchObject({ ok: false, error: expect.stringMatching(/not valid JSON/) });
    expect(parseLiteral("plain", "any")).toEqual({ ok: true, value: "plain" });
    expect(parseLiteral("30s", "timespan")).toEqual({ ok: true, value: "30s" });
  });

  it("shows literals as editable text", () => {
    expect(literalText([1, 2], "array")).toBe("[\n  1,\n  2\n]");
    expect(literalText(3, "integer")).toBe("3");
    expect(literalText(undefined, "string")).toBe("");
  });
});
