using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Streamis.Workflows.Persistence;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Alerts;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Services;
using Streamis.Workflows.StreamJobs.Tests.Support;

namespace Streamis.Workflows.StreamJobs.Tests;

public sealed class ModuleTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task The_module_migrates_beside_the_workflow_tables_with_its_own_history_and_again_as_a_no_op(DatabaseProvider provider)
    {
        await using var db = TestDatabase.Create(provider);
        var database = await db.OpenAsync();
        await database.InitializeAsync();
        await using var context = database.CreateContext();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
        Assert.Equal(21, await context.ConfigDefinitions.CountAsync());
        await using var workflow = database.Workflow.CreateContext();
        Assert.Empty(await workflow.Database.GetPendingMigrationsAsync());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task AddStreamJobs_wires_every_service_and_the_log_alerter(DatabaseProvider provider)
    {
        await using var db = TestDatabase.Create(provider);
        var database = await db.OpenAsync();
        var services = new ServiceCollection()
            .AddSingleton(database.Workflow)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddStreamJobs(new StreamJobsOptions { FileStoreDirectory = Path.Combine(db.Folder, "files") })
            .BuildServiceProvider();
        Assert.NotNull(services.GetRequiredService<ProjectService>());
        Assert.NotNull(services.GetRequiredService<JobService>());
        Assert.NotNull(services.GetRequiredService<TaskService>());
        Assert.NotNull(services.GetRequiredService<JobStateService>());
        Assert.NotNull(services.GetRequiredService<AlertService>());
        Assert.Contains(services.GetServices<IAlerter>(), a => a is LogAlerter);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Concurrent_createOrUpdate_of_one_new_job_makes_one_job_and_distinct_versions(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            try { return (Result: await domain.Jobs.CreateOrUpdateAsync(Domain.SqlJob(), "alice"), Error: (StreamJobsException?)null); }
            catch (StreamJobsException e) { return (Result: (JobSaveResult?)null, Error: e); }
        })));

        Assert.All(attempts.Where(a => a.Error is not null), a => Assert.Equal(ErrorCodes.JobConflict, a.Error!.Code));
        var saved = attempts.Where(a => a.Result is not null).Select(a => a.Result!).ToList();
        Assert.NotEmpty(saved);
        Assert.Single(saved.Select(s => s.JobId).Distinct());
        var versions = await domain.Jobs.ListVersionsAsync(saved[0].JobId);
        Assert.Equal(saved.Count, versions.Count);
        Assert.Equal(versions.Select((_, i) => JobService.FormatVersion(i + 1)), versions.Select(v => v.Version));
    }
}
