namespace Streamis.Workflows.Benchmarks.Report;

/// <summary>One figure of the report, beside the anchor or floor measured in the same run and its target.</summary>
public sealed record ReportLine(string Area, string Measure, string Figure, string Anchor, string Target, TargetCheck Check);
