using System.Globalization;
using System.Text.RegularExpressions;
using Streamis.Workflows.Simulation;

namespace Streamis.Workflows.Reliability.Tests.Support;

/// <summary>What the Linkis simulation saw: the EngineConns created per task, and the savepoints it wrote, with when.</summary>
internal static partial class EngineLedger
{
    /// <summary>createEngineConn calls per task: the launch's <c>description</c> names the task ("…, task 42").</summary>
    public static IReadOnlyDictionary<long, int> LaunchesPerTask(LinkisSimulation linkis) =>
        linkis.RequestsTo(LinkisCalls.CreateEngineConn)
            .Select(r => TaskOf((string?)r.Json?["description"]) ?? throw new InvalidOperationException($"A createEngineConn names no task: {r.Body}"))
            .GroupBy(task => task)
            .ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Every savepoint an EngineConn wrote (its client log says where and when).</summary>
    public static IReadOnlyList<(string Location, DateTimeOffset WrittenAt)> Savepoints(LinkisSimulation linkis) =>
        linkis.EngineConns
            .SelectMany(e => e.ClientLog)
            .Select(line => SavepointLine().Match(line))
            .Where(m => m.Success)
            .Select(m => (m.Groups["location"].Value,
                new DateTimeOffset(DateTime.ParseExact(m.Groups["time"].Value, "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture), TimeSpan.Zero)))
            .ToList();

    private static long? TaskOf(string? description) =>
        description is not null && TaskInDescription().Match(description) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"task (\d+)$")]
    private static partial Regex TaskInDescription();

    [GeneratedRegex(@"^(?<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) .*Savepoint \(\w+\) written to (?<location>.+)\.$")]
    private static partial Regex SavepointLine();
}
