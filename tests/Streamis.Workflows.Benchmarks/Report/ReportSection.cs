namespace Streamis.Workflows.Benchmarks.Report;

/// <summary>One area of the report: its figures for the summary table and the notes that say how they were measured.</summary>
public sealed record ReportSection(string Title, IReadOnlyList<ReportLine> Lines, IReadOnlyList<string> Notes, TimeSpan Took);
