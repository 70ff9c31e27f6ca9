using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Runtime;
using Streamis.Workflows.Host.Hosting;
using Streamis.Workflows.Host.Tests.Operations.Support;
using Streamis.Workflows.Plugins.Local.Tests.Support;
using Streamis.Workflows.StreamJobs.Alerts;
using Streamis.Workflows.StreamJobs.Config;

namespace Streamis.Workflows.Host.Tests.Operations;

/// <summary>The timer that starts the monitor workflow: once per tick across hosts, and a failure found end to end.</summary>
public sealed class MonitorSchedulerTests
{
    [Fact]
    public void Ticks_fall_on_multiples_of_the_interval_so_every_node_computes_the_same_tick()
    {
        var interval = TimeSpan.FromSeconds(30);
        var at = new DateTimeOffset(2026, 3, 1, 12, 0, 7, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 12, 0, 30, TimeSpan.Zero), MonitorScheduler.NextTick(at, interval));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 12, 1, 0, TimeSpan.Zero), MonitorScheduler.NextTick(at.AddSeconds(23), interval));
        Assert.Equal("monitor-1772366430000", MonitorScheduler.InstanceIdOf(MonitorScheduler.NextTick(at, interval)));
    }

    [Fact]
    public async Task Two_hosts_on_one_database_start_one_monitor_instance_per_tick()
    {
        using var first = new ScriptedEngineHost();
        using var second = new ScriptedEngineHost(new Dictionary<string, string?> { ["DataDirectory"] = first.DataDirectory });
        first.As("admin").Dispose();
        second.As("admin").Dispose();
        var tick = MonitorScheduler.NextTick(DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30));

        var started = await Task.WhenAll(Scheduler(first).TickAsync(tick, CancellationToken.None), Scheduler(second).TickAsync(tick, CancellationToken.None));

        Assert.Equal(1, started.Count(s => s));
        var instances = await first.Services.GetRequiredService<IInstanceStore>().ListAsync(new InstanceQuery(DefinitionId: "monitor"), CancellationToken.None);
        Assert.Equal(MonitorScheduler.InstanceIdOf(tick), Assert.Single(instances.Items).Id);
        var runtime = first.Services.GetRequiredService<WorkflowRuntime>();
        Assert.Equal(WorkflowStatus.Completed, (await runtime.WaitAsync(MonitorScheduler.InstanceIdOf(tick), TimeSpan.FromSeconds(30)))!.Status);
    }

    [Fact]
    public async Task With_the_monitor_on_a_job_that_dies_is_found_recorded_Failed_and_alerted_about()
    {
        using var host = new ScriptedEngineHost(new Dictionary<string, string?>
        {
            ["Operations:Monitor:Enabled"] = "true",
            ["Operations:Monitor:Interval"] = "00:00:01",
        });
        var admin = host.As("admin");
        var jobId = await admin.SqlJobAsync(await admin.ProjectAsync(), "dies");
        var taskId = (long)(await admin.ExecuteAsync(jobId))["data"]!["taskId"]!;

        host.Engine.Crash(taskId);

        await Eventually.UntilAsync(() => admin.StatusCodeAsync(jobId), code => code == 6, "the monitor to record the failure");
        var alerts = await Eventually.UntilAsync(() => host.Services.GetRequiredService<AlertService>().ListAsync(jobId), a => a.Count > 0, "the failure alert");
        Assert.Contains("has failed", alerts[0].Message);
        Assert.Equal("OFF", await host.Services.GetRequiredService<JobConfigService>().GetValueAsync(jobId, ConfigKeys.FailRestartSwitch));
    }

    private static MonitorScheduler Scheduler(ScriptedEngineHost host) =>
        host.Services.GetServices<IHostedService>().OfType<MonitorScheduler>().Single();
}
