using System.Net;
using System.Net.Http.Json;
using Streamis.Workflows.Host.Tests.Operations.Support;
using Streamis.Workflows.Host.Tests.Support;
using Streamis.Workflows.StreamJobs.Tests.Support;

namespace Streamis.Workflows.Host.Tests.Operations;

/// <summary>Our bulk API (<c>/api/bulk</c>): the contract the designer and the command-line client build on.</summary>
public sealed class BulkApiTests(ScriptedEngineHost host) : IClassFixture<ScriptedEngineHost>
{
    [Fact]
    public async Task A_bulk_start_reports_every_job_and_one_failure_does_not_stop_the_others()
    {
        var ops = host.As("ops");
        var admin = host.As("admin");
        var project = await admin.ProjectAsync();
        var jobs = new List<long>();
        for (var i = 0; i < 4; i++) jobs.Add(await admin.SqlJobAsync(project, $"job{i}"));
        host.Engine.Script(jobs[2], LaunchScript.FailBeforeRunning);

        var instanceId = await ops.BulkAsync(new { operation = "start", jobIds = jobs, parallelism = 2 });
        var run = await host.As("watcher").BulkDoneAsync(instanceId);

        Assert.Equal(["instanceId", "operation", "status", "total", "done", "succeeded", "failed", "items"], run.Select(p => p.Key));
        Assert.Equal((4, 4, 3, 1), ((int)run["total"]!, (int)run["done"]!, (int)run["succeeded"]!, (int)run["failed"]!));
        var items = run["items"]!.AsArray();
        Assert.Equal(["jobId", "jobName", "taskId", "status", "message", "savepointPath"], items[0]!.AsObject().Select(p => p.Key));
        Assert.Equal(["Succeeded", "Succeeded", "Failed", "Succeeded"], items.Select(i => (string)i!["status"]!));
        Assert.Equal(["job0", "job1", "job2", "job3"], items.Select(i => (string)i!["jobName"]!));
        Assert.Contains(ScriptedEngine.FailureMessage, (string)items[2]!["message"]!);
        Assert.All(items.Where(i => (string)i!["status"]! == "Succeeded"), i => Assert.NotNull((long?)i!["taskId"]));

        // The counts alone, as a progress bar polls them, agree with the items.
        var counts = await (await ops.GetAsync($"/api/bulk/{instanceId}?items=false")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((4, 4, 3, 1, "Completed"), ((int)counts["total"]!, (int)counts["done"]!, (int)counts["succeeded"]!, (int)counts["failed"]!, (string)counts["status"]!));
        Assert.Null(counts["items"]);
        var bad = await (await ops.GetAsync($"/api/bulk/{instanceId}?items=some")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([("$.items", "must be true or false, not \"some\"")], bad.Errors());
    }

    [Fact]
    public async Task Progress_is_readable_as_soon_as_the_instance_id_is_known()
    {
        var admin = host.As("admin");
        var jobId = await admin.SqlJobAsync(await admin.ProjectAsync(), "slow");
        host.Engine.Script(jobId, LaunchScript.NeverRun);

        var instanceId = await admin.BulkAsync(new { operation = "start", jobIds = new[] { jobId } });
        var early = await (await admin.GetAsync($"/api/bulk/{instanceId}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(1, (int)early["total"]!);
        Assert.Equal(0, (int)early["done"]!);
        Assert.Contains((string)early["items"]![0]!["status"]!, new[] { "Pending", "Running" });
        var done = await admin.BulkDoneAsync(instanceId);
        Assert.Contains("did not report running", (string)done["items"]![0]!["message"]!);
    }

    [Fact]
    public async Task Bad_bulk_requests_are_refused_naming_each_field()
    {
        var admin = host.As("admin");

        var problem = await (await admin.PostAsJsonAsync("/api/bulk", new { operation = "pause", jobIds = new object[] { 1, "x", -2 }, parallelism = 0 }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var neither = await (await admin.PostAsJsonAsync("/api/bulk", new { operation = "stop" })).ProblemAsync(HttpStatusCode.BadRequest);
        var both = await (await admin.PostAsJsonAsync("/api/bulk", new { operation = "stop", jobIds = new[] { 1 }, taskIds = new[] { 2 } })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([("$.parallelism", "must be between 1 and 200")], problem.Errors());
        var second = await (await admin.PostAsJsonAsync("/api/bulk", new { operation = "pause", jobIds = new object[] { 1, "x", -2 } })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(
            [("$.operation", "must be one of start, stop, restart, not \"pause\""), ("$.jobIds[1]", "must be a positive whole number, not \"x\""),
             ("$.jobIds[2]", "must be a positive whole number, not -2")],
            second.Errors());
        Assert.Equal([("$", "give jobIds or taskIds: a non-empty list of one of them")], neither.Errors());
        Assert.Equal([("$", "give jobIds or taskIds: a non-empty list of one of them")], both.Errors());
    }

    [Fact]
    public async Task Reading_an_unknown_instance_or_one_that_is_not_a_bulk_run_is_a_404_problem()
    {
        var admin = host.As("admin");
        var other = await admin.StartAndWaitAsync("stop", new { jobId = 987654 });

        var unknown = await (await admin.GetAsync("/api/bulk/no-such-run")).ProblemAsync(HttpStatusCode.NotFound);
        var notBulk = await (await admin.GetAsync($"/api/bulk/{(string)other["summary"]!["id"]!}")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("no workflow instance \"no-such-run\"", (string)unknown["detail"]!);
        Assert.Contains("is not a bulk run", (string)notBulk["detail"]!);
    }
}
