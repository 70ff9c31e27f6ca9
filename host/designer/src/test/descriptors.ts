import type { ActivityDescriptor, InputDescriptor } from "../api/types";
import { Catalog } from "../model/catalog";

// A few of the host's built-in descriptors, shaped as GET /api/workflows/descriptors answers them.

const input = (name: string, type = "string", extra: Partial<InputDescriptor> = {}): InputDescriptor =>
  ({ name, displayName: name, type, uiHint: "text", required: false, ...extra });

const activity = (type: string, category: string, extra: Partial<ActivityDescriptor> = {}): ActivityDescriptor => ({
  type, category, displayName: type, inputs: [], outputs: [], outcomes: ["Done"], slots: [], source: "builtin", ...extra,
});

export const descriptors: ActivityDescriptor[] = [
  activity("Flowchart", "Control flow", { inputs: [input("start")], slots: [{ name: "activities", multiple: true }] }),
  activity("Sequence", "Control flow", { slots: [{ name: "activities", multiple: true }] }),
  activity("Parallel", "Control flow", { slots: [{ name: "activities", multiple: true }] }),
  activity("If", "Control flow", {
    inputs: [input("condition", "boolean", { required: true })], outcomes: ["True", "False"],
    slots: [{ name: "then", multiple: false }, { name: "else", multiple: false }],
  }),
  activity("Switch", "Control flow", {
    inputs: [input("value", "any"), input("cases", "array", { required: true, uiHint: "json" })],
    outcomes: ["Default"], dynamicOutcomesInput: "cases",
  }),
  activity("TryCatch", "Control flow", {
    outcomes: ["Done", "Caught"],
    slots: [{ name: "try", multiple: false }, { name: "catch", multiple: false }, { name: "finally", multiple: false }],
  }),
  activity("While", "Control flow", { inputs: [input("condition", "boolean", { required: true })], slots: [{ name: "body", multiple: false }] }),
  activity("Log", "Primitives", { inputs: [input("message", "string", { required: true }), input("level", "string", { options: ["Information", "Warning", "Error"] })] }),
  activity("Fail", "Primitives", { inputs: [input("message", "string", { required: true })], outcomes: [] }),
  activity("SetVariable", "Primitives", { inputs: [input("name", "string", { required: true }), input("value", "any")] }),
  activity("Delay", "Timers", { inputs: [input("duration", "timespan")] }),
  activity("WaitForSignal", "Timers", { inputs: [input("signal", "string", { required: true })], outcomes: ["Done", "TimedOut"] }),
  activity("SampleRaiseAlert", "Sample", { inputs: [input("message")], source: "sample", icon: "<svg xmlns='http://www.w3.org/2000/svg'/>" }),
];

export const catalog = new Catalog(descriptors);
