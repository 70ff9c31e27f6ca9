using System.Text.Json.Nodes;

namespace Streamis.Workflows.Reliability.Tests.Support;

/// <summary>
/// Reads an instance's journal for signs that two nodes ran it at once: an activity execution journaled by two nodes,
/// or executions by different nodes whose times overlap. Composite activities and waits are left out: they legitimately
/// start on one node and end on the one that resumed them.
/// </summary>
internal static class JournalOverlap
{
    private static readonly HashSet<string> Spanning = new(StringComparer.Ordinal)
    {
        "Sequence", "Flowchart", "RunWorkflow", "TryCatch", "If", "Switch", "ForEach", "ParallelForEach", "Parallel", "While",
        "Delay", "WaitForSignal", "WaitForJobStatus",
    };

    public static IEnumerable<string> Problems(string instanceId, JsonArray journal)
    {
        var runs = journal
            .Select(e => e!.AsObject())
            .Where(e => (string?)e["kind"] is "Completed" or "Faulted" or "Retrying" && !Spanning.Contains((string)e["activityType"]!) && e["startedAt"] is not null)
            .Select(e => new Run((string)e["activityId"]!, (int)e["frameId"]!, (int)e["attempt"]!, (string?)e["nodeId"] ?? "?",
                DateTimeOffset.Parse((string)e["startedAt"]!, System.Globalization.CultureInfo.InvariantCulture),
                DateTimeOffset.Parse((string)e["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        foreach (var twice in runs.GroupBy(r => (r.FrameId, r.Attempt)).Where(g => g.Select(r => r.NodeId).Distinct().Count() > 1))
            yield return $"instance {instanceId}: {twice.First().ActivityId} (frame {twice.Key.FrameId}, attempt {twice.Key.Attempt}) journaled by {string.Join(" and ", twice.Select(r => r.NodeId))}";
        for (var i = 0; i < runs.Count; i++)
            for (var j = i + 1; j < runs.Count; j++)
                if (runs[i].NodeId != runs[j].NodeId && runs[i].StartedAt < runs[j].EndedAt && runs[j].StartedAt < runs[i].EndedAt)
                    yield return $"instance {instanceId}: {runs[i].ActivityId} on {runs[i].NodeId} ({runs[i].StartedAt:HH:mm:ss.fff}–{runs[i].EndedAt:HH:mm:ss.fff}) " +
                        $"overlaps {runs[j].ActivityId} on {runs[j].NodeId} ({runs[j].StartedAt:HH:mm:ss.fff}–{runs[j].EndedAt:HH:mm:ss.fff})";
    }

    private sealed record Run(string ActivityId, int FrameId, int Attempt, string NodeId, DateTimeOffset StartedAt, DateTimeOffset EndedAt);
}
