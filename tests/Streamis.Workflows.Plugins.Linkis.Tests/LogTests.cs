using System.Text.Json.Nodes;
using Streamis.Workflows.Plugins.Linkis.Tests.Support;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.Simulation;

namespace Streamis.Workflows.Plugins.Linkis.Tests;

public sealed class LogTests : LinkisPluginTest
{
    private async Task<JobHandle> LaunchWithLogAsync()
    {
        var handle = await LaunchAsync();
        var engineConn = Linkis.LastEngineConn;
        for (var i = 1; i <= 20; i++)
            engineConn.AppendLog(i % 5 == 0 ? $"2024-05-01 12:00:{i:D2}.000 ERROR Sink - write failed {i}" : $"2024-05-01 12:00:{i:D2}.000 INFO  Source - read batch {i}");
        engineConn.AppendLog("java.io.IOException: disk full", "\tat Sink.write(Sink.java:10)");
        return handle;
    }

    [Fact]
    public async Task A_page_is_asked_of_the_EngineConn_manager_with_Streamis_parameters()
    {
        var handle = await LaunchWithLogAsync();
        var engineConn = Linkis.LastEngineConn;

        var page = await ClientLogs.FetchAsync(handle, new JobLogRequest("client", FromLine: 3, PageSize: 4), None);

        // The EngineConn's own start-up lines come first in its log.
        Assert.Equal(engineConn.ClientLog.Skip(2).Take(4), page.Lines);
        Assert.Equal("2024-05-01 12:00:01.000 INFO  Source - read batch 1", page.Lines[0]);
        Assert.Equal(6, page.EndLine);
        Assert.False(page.IsEnd);
        Assert.EndsWith("/logs/stdout", page.LogPath);
        var call = Assert.Single(Linkis.RequestsTo(LinkisCalls.EngineConnLog));
        Assert.EndsWith("linkisManager/executeECMOperation", call.PathAndQuery);
        Assert.Equal(Linkis.ManagerInstance, call.Json!["instance"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""
            {"__operator_name__":"engineConnLog","pageSize":4,"fromLine":3,"ticketId":"{{engineConn.TicketId}}","creator":"alice","engineConnInstance":"{{engineConn.Instance}}","engineConnType":"flink"}
            """), call.Parameters));
    }

    [Fact]
    public async Task Keyword_filters_keep_a_record_with_its_continuation_lines()
    {
        var handle = await LaunchWithLogAsync();

        var page = await ClientLogs.FetchAsync(handle, new JobLogRequest("client", PageSize: 100, OnlyKeywords: "ERROR", IgnoreKeywords: "failed 5,failed 10"), None);

        Assert.Equal(["failed 15", "failed 20", "java.io.IOException: disk full", "\tat Sink.write(Sink.java:10)"],
            page.Lines.Select(line => line.Contains("failed", StringComparison.Ordinal) ? line[line.IndexOf("failed", StringComparison.Ordinal)..] : line));
        Assert.True(page.IsEnd);
        var parameters = Linkis.RequestsTo(LinkisCalls.EngineConnLog)[0].Parameters!;
        Assert.Equal("ERROR", parameters["onlyKeywords"]!.GetValue<string>());
        Assert.Equal("failed 5,failed 10", parameters["ignoreKeywords"]!.GetValue<string>());
    }

    [Fact]
    public async Task Last_rows_tail_the_log_and_are_capped_at_Linkis_maximum()
    {
        var handle = await LaunchWithLogAsync();

        var page = await ClientLogs.FetchAsync(handle, new JobLogRequest("client", LastRows: 2), None);
        await ClientLogs.FetchAsync(handle, new JobLogRequest("client", LastRows: 90_000), None);

        Assert.Equal(["java.io.IOException: disk full", "\tat Sink.write(Sink.java:10)"], page.Lines);
        Assert.True(page.IsEnd);
        Assert.Equal(5000, Linkis.RequestsTo(LinkisCalls.EngineConnLog)[1].Parameters!["lastRows"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_log_of_a_killed_task_stays_readable()
    {
        var handle = await LaunchWithLogAsync();
        await Launcher.StopAsync(handle, StopMode.Direct, null, None);

        var page = await ClientLogs.FetchAsync(handle, new JobLogRequest("client", LastRows: 1), None);

        Assert.Contains("Killed by alice", Assert.Single(page.Lines));
    }

    [Fact]
    public async Task Other_log_types_and_handles_without_a_manager_are_refused_clearly()
    {
        var handle = await LaunchAsync();
        var withoutManager = new JobHandle("linkis-flink", handle.Id, new Dictionary<string, string> { ["user"] = "alice" });

        var wrongType = await Assert.ThrowsAsync<ArgumentException>(() => ClientLogs.FetchAsync(handle, new JobLogRequest("yarn"), None));
        var noManager = await Assert.ThrowsAsync<InvalidOperationException>(() => ClientLogs.FetchAsync(withoutManager, new JobLogRequest("client"), None));

        Assert.Contains("'yarn' logs come from another plugin", wrongType.Message);
        Assert.Contains("does not name the EngineConn's manager", noManager.Message);
    }
}
