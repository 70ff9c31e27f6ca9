using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Streamis.Workflows.Persistence;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Alerts;
using Streamis.Workflows.StreamJobs.Config;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.ProjectFiles;
using Streamis.Workflows.StreamJobs.Services;
using Streamis.Workflows.StreamJobs.Upload;

namespace Streamis.Workflows.StreamJobs.Tests.Support;

/// <summary>Every domain service over one fresh database, with a project "p1" where "alice" releases.</summary>
public sealed class Domain : IAsyncDisposable
{
    private readonly TestDatabase db;

    private Domain(TestDatabase db, StreamJobsDatabase database, UploadLimits limits, IEnumerable<IAlerter> alerters)
    {
        this.db = db;
        Database = database;
        var clock = TimeProvider.System;
        Files = new JobFileStore(Path.Combine(db.Folder, "files"));
        Projects = new ProjectService(database, clock);
        ProjectFiles = new ProjectFileService(database, Files, new StreamJobsOptions { Upload = limits }, clock);
        Jobs = new JobService(database, Projects, new JobUploadReader(limits), Files, new JobFileResolver(ProjectFiles), clock);
        Tasks = new TaskService(database, clock);
        Config = new JobConfigService(database);
        States = new JobStateService(database, Config, clock);
        Alerts = new AlertService(database, Config, alerters, clock, NullLogger<AlertService>.Instance);
    }

    public StreamJobsDatabase Database { get; }

    public JobFileStore Files { get; }

    public ProjectService Projects { get; }

    public ProjectFileService ProjectFiles { get; }

    public JobService Jobs { get; }

    public TaskService Tasks { get; }

    public JobConfigService Config { get; }

    public JobStateService States { get; }

    public AlertService Alerts { get; }

    public static async Task<Domain> CreateAsync(DatabaseProvider provider, UploadLimits? limits = null, params IAlerter[] alerters)
    {
        var db = TestDatabase.Create(provider);
        var domain = new Domain(db, await db.OpenAsync(), limits ?? new UploadLimits(), alerters);
        await domain.Projects.CreateAsync("p1", null, new ProjectMembers(["alice"], ["bob"], ["carol"]), "admin");
        return domain;
    }

    public static JobMeta SqlJob(string name = "job1", string project = "p1", string type = JobTypes.FlinkSql) =>
        new(project, name, type, new JsonObject { ["type"] = "sql", ["sql"] = "select 1" }, Tags: "t1,t2", Description: "first");

    public async Task<long> CreateJobAsync(string name = "job1", string user = "alice") =>
        (await Jobs.CreateOrUpdateAsync(SqlJob(name), user)).JobId;

    public async ValueTask DisposeAsync() => await db.DisposeAsync();
}
