using System.Globalization;
using Streamis.Workflows.Plugins.Local.Tests.Support;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Local.Tests;

public sealed class LogFetcherTests : LocalEngineTest
{
    [Fact]
    public async Task Pages_follow_one_another_from_a_line_to_the_end()
    {
        var handle = HandleWithLog(Enumerable.Range(1, 25).Select(i => Line(i, "INFO", $"message {i}")));

        var first = await Logs.FetchAsync(handle, new JobLogRequest("client", FromLine: 1, PageSize: 10), CancellationToken.None);
        var second = await Logs.FetchAsync(handle, new JobLogRequest("client", FromLine: first.EndLine + 1, PageSize: 10), CancellationToken.None);
        var last = await Logs.FetchAsync(handle, new JobLogRequest("client", FromLine: second.EndLine + 1, PageSize: 10), CancellationToken.None);
        var beyond = await Logs.FetchAsync(handle, new JobLogRequest("client", FromLine: 100, PageSize: 10), CancellationToken.None);

        Assert.Equal((10, 10, false), (first.Lines.Count, first.EndLine, first.IsEnd));
        Assert.EndsWith("message 1", first.Lines[0]);
        Assert.EndsWith("message 11", second.Lines[0]);
        Assert.Equal((5, 25, true), (last.Lines.Count, last.EndLine, last.IsEnd));
        Assert.EndsWith("message 25", last.Lines[^1]);
        Assert.Equal((0, true), (beyond.Lines.Count, beyond.IsEnd));
        Assert.EndsWith("client.log", first.LogPath);
    }

    [Fact]
    public async Task Last_rows_are_the_tail_of_the_log()
    {
        var handle = HandleWithLog(Enumerable.Range(1, 25).Select(i => Line(i, "INFO", $"message {i}")));

        var page = await Logs.FetchAsync(handle, new JobLogRequest("client", LastRows: 3), CancellationToken.None);

        Assert.Equal(["message 23", "message 24", "message 25"], page.Lines.Select(l => l[^10..]).ToArray());
        Assert.Equal((25, true), (page.EndLine, page.IsEnd));
    }

    [Fact]
    public async Task Keywords_keep_and_drop_whole_records_including_their_continuation_lines()
    {
        var handle = HandleWithLog([
            Line(1, "INFO", "Checkpoint 1 completed"),
            Line(2, "ERROR", "Savepoint failed: disk full"),
            "   at Runner.Savepoint()",
            "   at Runner.Loop()",
            Line(3, "INFO", "Checkpoint 2 completed"),
            Line(4, "WARN", "Slow checkpoint"),
        ]);

        var only = await Logs.FetchAsync(handle, new JobLogRequest("client", OnlyKeywords: "ERROR, Slow"), CancellationToken.None);
        var ignored = await Logs.FetchAsync(handle, new JobLogRequest("client", IgnoreKeywords: "ERROR,WARN"), CancellationToken.None);
        var both = await Logs.FetchAsync(handle, new JobLogRequest("client", OnlyKeywords: "Checkpoint,checkpoint", IgnoreKeywords: "WARN", LastRows: 1), CancellationToken.None);

        Assert.Equal(4, only.Lines.Count);
        Assert.Equal("   at Runner.Loop()", only.Lines[2]);
        Assert.EndsWith("Slow checkpoint", only.Lines[3]);
        Assert.Equal(2, ignored.Lines.Count);
        Assert.All(ignored.Lines, line => Assert.Contains("Checkpoint", line));
        Assert.EndsWith("Checkpoint 2 completed", Assert.Single(both.Lines));
    }

    [Fact]
    public async Task A_task_without_a_log_yet_has_an_empty_last_page()
    {
        var handle = HandleWithLog(null);

        var page = await Logs.FetchAsync(handle, new JobLogRequest("client"), CancellationToken.None);

        Assert.Equal((0, 0, true), (page.Lines.Count, page.EndLine, page.IsEnd));
    }

    [Fact]
    public async Task Only_the_client_log_is_served()
    {
        Assert.Equal(["client"], Logs.LogTypes);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Logs.FetchAsync(HandleWithLog([]), new JobLogRequest("yarn"), CancellationToken.None));
        Assert.Contains("'client' log only, not 'yarn'", error.Message);
    }

    [Fact]
    public async Task A_running_task_logs_its_start_and_checkpoints()
    {
        var handle = await LaunchAsync(Request(60, 1));
        await Eventually.UntilAsync(
            () => Logs.FetchAsync(handle, new JobLogRequest("client", OnlyKeywords: "Checkpoint"), CancellationToken.None),
            page => page.Lines.Count >= 2, "two checkpoints in the client log");

        var head = await Logs.FetchAsync(handle, new JobLogRequest("client", PageSize: 1), CancellationToken.None);
        Assert.Contains("Local job 60, task 1: process " + handle.Get("pid") + " starting, 50 events/s", Assert.Single(head.Lines));
    }

    private JobHandle HandleWithLog(IEnumerable<string>? lines)
    {
        var workDir = Path.Combine(DataDirectory, "jobs", "61", "tasks", "1");
        Directory.CreateDirectory(workDir);
        if (lines is not null) File.WriteAllLines(Path.Combine(workDir, "client.log"), lines);
        return new JobHandle("local", "1", new Dictionary<string, string>
        {
            ["jobId"] = "61",
            ["pid"] = "999999",
            ["startTime"] = "2025-06-01T12:00:00.0000000+00:00",
            ["workDir"] = workDir,
            ["output"] = Path.Combine(DataDirectory, "jobs", "61", "output", "events.txt"),
            ["checkpoints"] = Path.Combine(DataDirectory, "jobs", "61", "checkpoints", "1"),
            ["savepoints"] = Path.Combine(DataDirectory, "jobs", "61", "savepoints", "1"),
        });
    }

    private static string Line(int second, string level, string message) =>
        string.Create(CultureInfo.InvariantCulture, $"2025-06-01 12:00:{second:00}.000 {level,-5} {message}");
}
