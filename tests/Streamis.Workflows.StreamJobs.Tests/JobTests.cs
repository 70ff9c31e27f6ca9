using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Streamis.Workflows.Persistence;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Tests.Support;

namespace Streamis.Workflows.StreamJobs.Tests;

public sealed class JobTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task CreateOrUpdate_makes_v00001_then_v00002_of_the_same_job(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var first = await domain.Jobs.CreateOrUpdateAsync(Domain.SqlJob(), "bob");
        Assert.True(first.Created);
        Assert.Equal("v00001", first.Version);
        var job = (await domain.Jobs.FindAsync(first.JobId))!;
        Assert.Equal(("bob", "bob", "t1,t2", "linkis-flink"), (job.CreateBy, job.SubmitUser, job.Label, job.EngineName));

        var second = await domain.Jobs.CreateOrUpdateAsync(Domain.SqlJob() with { Description = "second", JobContent = new JsonObject { ["type"] = "sql", ["sql"] = "select 2" } }, "alice");
        Assert.False(second.Created);
        Assert.Equal(first.JobId, second.JobId);
        Assert.Equal("v00002", second.Version);
        job = (await domain.Jobs.FindAsync(first.JobId))!;
        Assert.Equal(("bob", "second"), (job.CreateBy, job.Description));
        Assert.Equal("select 2", (await domain.Jobs.GetVersionAsync(first.JobId))!.JobContent["sql"]!.GetValue<string>());
        Assert.Equal("select 1", (await domain.Jobs.GetVersionAsync(first.JobId, "v00001"))!.JobContent["sql"]!.GetValue<string>());
        Assert.Equal(["v00001", "v00002"], (await domain.Jobs.ListVersionsAsync(first.JobId)).Select(v => v.Version));
    }

    [Fact]
    public void Versions_are_formatted_v_and_five_digits() => Assert.Equal("v00042", Services.JobService.FormatVersion(42));

    [Theory, ClassData(typeof(Providers))]
    public async Task Local_jobs_run_on_the_local_engine(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var saved = await domain.Jobs.CreateOrUpdateAsync(new JobMeta("p1", "loc", JobTypes.Local, new JsonObject { ["command"] = "run" }), "alice");
        Assert.Equal("local", (await domain.Jobs.FindAsync(saved.JobId))!.EngineName);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Job_type_cannot_change(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        await domain.CreateJobAsync();
        var jar = new JobMeta("p1", "job1", JobTypes.FlinkJar, new JsonObject { ["main.class.jar"] = "app.jar", ["main.class"] = "a.Main" });
        var e = await Assert.ThrowsAsync<StreamJobsException>(() => domain.Jobs.CreateOrUpdateAsync(jar, "alice"));
        Assert.Equal(ErrorCodes.JobConflict, e.Code);
        Assert.Contains("cannot change", e.Message);
        await AssertVersionCountAsync(domain, 1);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_new_version_is_refused_while_the_latest_task_runs(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var jobId = await domain.CreateJobAsync();
        var task = (await domain.Tasks.CreateTaskAsync(jobId, "alice")).Task!;
        await domain.Tasks.UpdateStatusAsync(task.Id, StreamTaskStatus.Running);
        var e = await Assert.ThrowsAsync<StreamJobsException>(() => domain.Jobs.CreateOrUpdateAsync(Domain.SqlJob(), "alice"));
        Assert.Equal("StreamJob-job1 is in status 5, you cannot upload the zip", e.Message);
        await AssertVersionCountAsync(domain, 1);

        await domain.Tasks.UpdateStatusAsync(task.Id, StreamTaskStatus.Stopped);
        Assert.Equal("v00002", (await domain.Jobs.CreateOrUpdateAsync(Domain.SqlJob(), "alice")).Version);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Missing_fields_are_30030_and_name_each_field(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var e = Assert.Throws<StreamJobsException>(() => JobMeta.Parse("""{"projectName":"p1","jobType":5}"""));
        Assert.Equal(ErrorCodes.JobDefinition, e.Code);
        Assert.Contains("jobName cannot be empty!", e.Message);
        Assert.Contains("jobType must be a string", e.Message);
        Assert.Contains("jobContent cannot be empty!", e.Message);
        Assert.Throws<StreamJobsException>(() => JobMeta.Parse("not json"));

        var badType = await Assert.ThrowsAsync<StreamJobsException>(() => domain.Jobs.CreateOrUpdateAsync(Domain.SqlJob(type: "spark.sql"), "alice"));
        Assert.Equal(ErrorCodes.JobDefinition, badType.Code);
        var badContent = await Assert.ThrowsAsync<StreamJobsException>(() =>
            domain.Jobs.CreateOrUpdateAsync(Domain.SqlJob() with { JobContent = new JsonObject { ["type"] = "python" } }, "alice"));
        Assert.Equal(ErrorCodes.JobContent, badContent.Code);
        var jarMissing = await Assert.ThrowsAsync<StreamJobsException>(() =>
            domain.Jobs.CreateOrUpdateAsync(new JobMeta("p1", "j", JobTypes.FlinkJar, new JsonObject { ["args"] = "x" }), "alice"));
        Assert.Contains("main.class.jar", jarMissing.Message);
        Assert.Contains("args must be a list", jarMissing.Message);
        await AssertVersionCountAsync(domain, 0);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Oversized_or_path_like_fields_are_named_and_nothing_is_written(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var meta = Domain.SqlJob(new string('j', 201)) with { Description = new string('d', 1001), Tags = new string('t', 201) };
        var e = await Assert.ThrowsAsync<StreamJobsException>(() => domain.Jobs.CreateOrUpdateAsync(meta, "alice"));
        Assert.Equal(ErrorCodes.JobDefinition, e.Code);
        Assert.Contains("jobName is longer than 200", e.Message);
        Assert.Contains("description is longer than 1000", e.Message);
        Assert.Contains("tags is longer than 200", e.Message);
        var path = await Assert.ThrowsAsync<StreamJobsException>(() => domain.Jobs.CreateOrUpdateAsync(Domain.SqlJob("../evil"), "alice"));
        Assert.Contains("jobName may not contain", path.Message);
        var huge = Domain.SqlJob() with { JobContent = new JsonObject { ["type"] = "sql", ["sql"] = new string('s', JobMeta.MaxJobContentLength) } };
        Assert.Contains("jobContent is larger", (await Assert.ThrowsAsync<StreamJobsException>(() => domain.Jobs.CreateOrUpdateAsync(huge, "alice"))).Message);
        await AssertVersionCountAsync(domain, 0);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Edit_privilege_or_job_shortcut_is_needed_and_the_project_must_exist(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var viewer = await Assert.ThrowsAsync<StreamJobsException>(() => domain.Jobs.CreateOrUpdateAsync(Domain.SqlJob(), "carol"));
        Assert.Equal(StreamJobsErrorKind.Forbidden, viewer.Kind);
        var noProject = await Assert.ThrowsAsync<StreamJobsException>(() => domain.Jobs.CreateOrUpdateAsync(Domain.SqlJob(project: "nope"), "alice"));
        Assert.Equal(StreamJobsErrorKind.NotFound, noProject.Kind);
        await AssertVersionCountAsync(domain, 0);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_list_shows_the_latest_versions_task_status_to_project_members_only(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var running = await domain.CreateJobAsync("runner");
        var idle = await domain.CreateJobAsync("idle");
        var task = (await domain.Tasks.CreateTaskAsync(running, "alice")).Task!;
        await domain.Tasks.UpdateStatusAsync(task.Id, StreamTaskStatus.Running);

        var page = await domain.Jobs.ListForUserAsync("carol", new JobListQuery("p1"));
        Assert.Equal(2, page.Total);
        Assert.Equal([(idle, StreamTaskStatus.NotStarted), (running, StreamTaskStatus.Running)], page.Items.Select(i => (i.Job.Id, i.Status)));
        Assert.Equal("v00001", page.Items[0].Version);

        Assert.Equal(running, Assert.Single((await domain.Jobs.ListForUserAsync("carol", new JobListQuery("p1", Status: 5))).Items).Job.Id);
        Assert.Equal(idle, Assert.Single((await domain.Jobs.ListForUserAsync("carol", new JobListQuery("p1", JobName: "dl"))).Items).Job.Id);
        var second = await domain.Jobs.ListForUserAsync("carol", new JobListQuery("p1", Page: 2, PageSize: 1));
        Assert.Equal((2, running), (second.Total, Assert.Single(second.Items).Job.Id));
        Assert.Equal(0, (await domain.Jobs.ListForUserAsync("mallory", new JobListQuery("p1"))).Total);

        // A new version has no task yet: the list shows Not Started, as Streamis does.
        await domain.Tasks.UpdateStatusAsync(task.Id, StreamTaskStatus.Stopped);
        await domain.Jobs.CreateOrUpdateAsync(Domain.SqlJob("runner"), "alice");
        var after = await domain.Jobs.ListForUserAsync("carol", new JobListQuery("p1", JobName: "runner"));
        Assert.Equal(("v00002", StreamTaskStatus.NotStarted), (after.Items[0].Version, after.Items[0].Status));
    }

    internal static async Task AssertVersionCountAsync(Domain domain, int expected)
    {
        await using var db = domain.Database.CreateContext();
        Assert.Equal(expected, await db.JobVersions.CountAsync());
        Assert.Equal(expected == 0 ? 0 : 1, await db.Jobs.CountAsync());
    }
}
