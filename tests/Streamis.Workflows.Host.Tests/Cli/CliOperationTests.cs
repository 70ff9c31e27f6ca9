using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Tests.Operations.Support;
using Streamis.Workflows.Plugins.Local.Tests.Support;

namespace Streamis.Workflows.Host.Tests.Cli;

/// <summary>
/// The operator's round trip through the command line on the Local engine (real runner processes): start, status,
/// snapshot, logs, snapshot-and-stop, and a bulk restart with its per-job table.
/// </summary>
public sealed class CliOperationTests(LocalEngineHost local) : IClassFixture<LocalEngineHost>
{
    private static readonly JsonObject FastJob = new() { ["rate"] = 40, ["checkpointIntervalSeconds"] = 0.5 };
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private Task<CliRun> Run(params string[] args) =>
        CliRun.RunAsync(local.Host.CreateClient, [.. args, "--user", "admin", "--token", "admin-code"]);

    [Fact]
    public async Task Start_snapshot_logs_and_stop_with_a_savepoint_through_the_command_line()
    {
        var jobId = await local.Admin.JobAsync(await local.Admin.ProjectAsync(), "cli-numbers", "local", FastJob.DeepClone().AsObject());
        var id = jobId.ToString();

        var start = await Run("start", id);
        Assert.True(start.ExitCode == 0, start.Output);
        Assert.Contains($"Job {id} started.", start.Output);
        Assert.Contains("instanceId: ", start.Output);
        var status = await Run("status", id);
        Assert.Contains(status.Output.Split('\n'), line => line.Contains(id) && line.Contains("Running"));
        await Eventually.UntilAsync(() => Task.FromResult(local.Events(jobId).Count), n => n >= 5, "5 events", Patience);

        var snapshot = await Run("snapshot", id);
        Assert.True(snapshot.ExitCode == 0, snapshot.Output);
        var savepoint = snapshot.Output.Split($"Savepoint of job {id}:")[1].Trim();
        Assert.True(File.Exists(savepoint), savepoint);

        var logs = await Run("logs", id, "--last", "3");
        Assert.True(logs.ExitCode == 0, logs.Output);
        Assert.InRange(logs.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, 1, 3);

        var stop = await Run("stop", id, "--snapshot");
        Assert.True(stop.ExitCode == 0, stop.Output);
        Assert.Contains($"Job {id} stopped.", stop.Output);
        Assert.Contains("_metadata", stop.Output);
        Assert.Equal(7, await local.Admin.StatusCodeAsync(jobId));

        var again = await Run("stop", id);
        Assert.Equal(0, again.ExitCode);
    }

    [Fact]
    public async Task Bulk_restart_shows_each_job_and_exits_0_when_all_succeed()
    {
        var project = await local.Admin.ProjectAsync();
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var jobId = await local.Admin.JobAsync(project, $"cli-bulk-{i}", "local", FastJob.DeepClone().AsObject());
            Assert.Equal(0, (int)(await local.Admin.ExecuteAsync(jobId))["status"]!);
            ids.Add(jobId);
        }

        var run = await Run(["bulk", "restart", .. ids.Select(i => i.ToString()), "--snapshot", "--poll", "0.2"]);

        Assert.True(run.ExitCode == 0, run.Output);
        foreach (var id in ids)
            Assert.Contains(run.Output.Split('\n'), line => line.Contains($"cli-bulk-") && line.Contains(id.ToString()) && line.Contains("Succeeded"));
        Assert.Contains("3 succeeded, 0 failed, 3 in all; the run is Completed.", run.Output);
        foreach (var id in ids) Assert.Equal(5, await local.Admin.StatusCodeAsync(id));
        foreach (var id in ids) await local.Admin.StopAsync(id, snapshot: false);
    }

    [Fact]
    public async Task A_failed_start_is_the_hosts_reason_and_exit_code_1()
    {
        var jobId = await local.Admin.JobAsync(await local.Admin.ProjectAsync(), "cli-twice", "local", FastJob.DeepClone().AsObject());
        Assert.Equal(0, (await Run("start", jobId.ToString())).ExitCode);

        var second = await Run("start", jobId.ToString());

        Assert.Equal(1, second.ExitCode);
        Assert.Contains("error: ", second.Output);
        Assert.Contains("already has task", second.Output);
        await local.Admin.StopAsync(jobId, snapshot: false);
    }
}
