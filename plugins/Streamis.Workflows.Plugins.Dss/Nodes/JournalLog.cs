using System.Globalization;
using Streamis.Workflows.Sdk.HostServices;

namespace Streamis.Workflows.Plugins.Dss.Nodes;

/// <summary>A run's journal as log lines for the DSS console, and how far along the run is.</summary>
internal static class JournalLog
{
    public static string Line(WorkflowJournalLine entry)
    {
        var time = entry.Timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
        var activity = $"{entry.ActivityId} ({entry.ActivityType})";
        return entry.Kind switch
        {
            "Log" => $"{time} {Level(entry.Severity)} {activity}: {entry.Message}",
            "Completed" => $"{time} INFO  {activity} completed{(entry.Outcome is { } o && o != "Done" ? $" with outcome {o}" : "")}{Duration(entry)}",
            "Faulted" => $"{time} ERROR {activity} failed: {entry.Message}",
            "Retrying" => $"{time} WARN  {activity} failed and will be retried: {entry.Message}",
            _ => $"{time} WARN  {activity} {entry.Kind.ToLowerInvariant()}",
        };
    }

    /// <summary>
    /// Activities completed over activities in the definition: a loop runs some more than once, so a running
    /// workflow stops at 0.99 and only an ended one is 1.
    /// </summary>
    public static double Progress(IReadOnlyList<WorkflowJournalLine> journal, int activityCount, bool ended)
    {
        if (ended) return 1;
        var completed = journal.Where(e => e.Kind == "Completed").Select(e => e.ActivityId).Distinct(StringComparer.Ordinal).Count();
        return Math.Round(Math.Min(0.99, completed / (double)Math.Max(1, activityCount)), 2);
    }

    private static string Level(string? severity) => severity switch
    {
        "Error" => "ERROR",
        "Warning" => "WARN ",
        "Debug" => "DEBUG",
        _ => "INFO ",
    };

    private static string Duration(WorkflowJournalLine entry) =>
        entry.DurationMs is { } ms ? string.Create(CultureInfo.InvariantCulture, $" in {ms:0} ms") : "";
}
