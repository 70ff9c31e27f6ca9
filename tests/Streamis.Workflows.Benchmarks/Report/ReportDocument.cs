using System.Text;

namespace Streamis.Workflows.Benchmarks.Report;

/// <summary>Writes the report's Markdown: when and where, the summary table of every figure, then each area's notes.</summary>
public static class ReportDocument
{
    public static string Render(ReportSizes sizes, MachineDescription machine, DateTimeOffset started, TimeSpan took,
        string loadBefore, string loadAfter, IReadOnlyList<ReportSection> sections)
    {
        var text = new StringBuilder();
        text.AppendLine("# Performance report").AppendLine()
            .AppendLine($"Written by `dotnet run -c Release --project tests/Streamis.Workflows.Benchmarks -- report{(sizes.Quick ? " --quick" : "")}` " +
                $"on {started.UtcDateTime:yyyy-MM-dd HH:mm} UTC ({(sizes.Quick ? "quick pass" : "full pass")}, {took.TotalMinutes:0.0} min). " +
                "Every anchor and floor beside a figure was measured in this same run, on this machine.").AppendLine()
            .AppendLine($"- Machine: {machine.Processor}, {machine.Cores} cores, {machine.Memory} memory, {machine.OperatingSystem}")
            .AppendLine($"- Runtime: {machine.Runtime}, Release build; the host is the built `host/Streamis.Workflows.Host` (Release) on SQLite")
            .AppendLine($"- Load average (1 / 5 / 15 min): {loadBefore} at the start, {loadAfter} at the end")
            .AppendLine("- The machine is shared with other work (builds and test runs of other sessions), so the figures are noisy: " +
                "compare a figure with its anchor from the same run rather than with another run's figures.");
        if (sizes.Quick)
            text.AppendLine("- Quick pass: BenchmarkDotNet's short job (3 iterations) for the micro benchmarks, " +
                $"{sizes.ColdStarts} cold starts, the monitor over {sizes.MonitorTasks:#,0} tasks with its target prorated, {sizes.Signals} signals.");
        text.AppendLine().AppendLine("## Summary").AppendLine()
            .AppendLine("| area | measure | figure | anchor / floor (same run) | target | verdict |")
            .AppendLine("|---|---|---:|---|---|---|");
        foreach (var line in sections.SelectMany(s => s.Lines))
            text.AppendLine($"| {line.Area} | {line.Measure} | {line.Figure} | {line.Anchor} | {line.Target} | {line.Check.Text} |");
        var met = sections.SelectMany(s => s.Lines).Count(l => l.Check.Met == true);
        var all = sections.SelectMany(s => s.Lines).Count(l => l.Check.Met is not null);
        text.AppendLine().AppendLine($"{met} of {all} targets met.");
        foreach (var section in sections)
        {
            text.AppendLine().AppendLine($"## {section.Title}").AppendLine();
            foreach (var note in section.Notes) text.AppendLine($"- {note}");
            if (section.Took > TimeSpan.Zero) text.AppendLine($"- This part took {section.Took.TotalSeconds:0} s.");
        }
        return text.ToString();
    }
}
