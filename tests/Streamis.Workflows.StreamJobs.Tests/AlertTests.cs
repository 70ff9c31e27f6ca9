using Microsoft.Extensions.Logging.Abstractions;
using Streamis.Workflows.Persistence;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Alerts;
using Streamis.Workflows.StreamJobs.Config;
using Streamis.Workflows.StreamJobs.Tests.Support;

namespace Streamis.Workflows.StreamJobs.Tests;

public sealed class AlertTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task Alerts_go_to_the_configured_users_and_the_creator_through_every_alerter(DatabaseProvider provider)
    {
        var first = new RecordingAlerter("first");
        var second = new RecordingAlerter("second");
        await using var domain = await Domain.CreateAsync(provider, null, first, second, new LogAlerter(NullLogger<LogAlerter>.Instance));
        var jobId = await domain.CreateJobAsync(user: "bob");
        var task = (await domain.Tasks.CreateTaskAsync(jobId, "bob")).Task!;
        // The alert keys are parentless in the seeds, so the nested JSON never carries them: they are set one by one.
        var set = await domain.Config.SetValuesAsync(jobId, new Dictionary<string, string?> { [ConfigKeys.AlertUser] = "ops1, ops2,bob", [ConfigKeys.AlertLevel] = "MAJOR" });
        Assert.True(set.Saved);
        var refused = await domain.Config.SetValuesAsync(jobId, new Dictionary<string, string?> { ["nope"] = "x", [ConfigKeys.ProduceGroup] = "y", [ConfigKeys.CheckpointSwitch] = "MAYBE" });
        Assert.Equal(["nope", ConfigKeys.ProduceGroup, ConfigKeys.CheckpointSwitch], refused.Errors.Select(e => e.Field));
        // Saving the nested JSON (which never shows the alert keys) must not wipe them.
        Assert.True((await domain.Config.SaveJsonAsync(jobId, new System.Text.Json.Nodes.JsonObject())).Saved);

        var records = await domain.Alerts.RaiseAsync(jobId, task.Id, "job failed", "Streamis job [job1] failed");
        Assert.Equal(["ops1", "ops2", "bob"], records.Select(r => r.User));
        Assert.All(records, r => Assert.Equal((AlertLevel.Major, 0, task.JobVersionId), (r.Level, r.Status, r.JobVersionId!.Value)));
        var sent = Assert.Single(first.Sent);
        Assert.Equal(["ops1", "ops2", "bob"], sent.Users);
        Assert.Equal(("p1", "job1", task.Id), (sent.ProjectName, sent.JobName, sent.TaskId!.Value));
        Assert.Single(second.Sent);
        Assert.Single(await domain.Alerts.ListAsync(jobId, "ops2"));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_failing_alerter_is_noted_and_the_others_still_deliver(DatabaseProvider provider)
    {
        var working = new RecordingAlerter("working");
        await using var domain = await Domain.CreateAsync(provider, null, new RecordingAlerter("broken", fail: true), working);
        var jobId = await domain.CreateJobAsync();
        var records = await domain.Alerts.RaiseAsync(jobId, null, "t", "m");
        var record = Assert.Single(records);
        Assert.Equal(("alice", AlertLevel.Minor, 1), (record.User, record.Level, record.Status));
        Assert.Contains("broken: channel down", record.ErrorMsg);
        Assert.Single(working.Sent);
    }
}
