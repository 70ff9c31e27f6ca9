using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Streamis.Workflows.Sdk.HostServices;

namespace Streamis.Workflows.Plugins.Dss.Projects;

/// <summary>
/// Once the host has started (its database migrated): publishes the plugin's workflows, then starts
/// <c>dss-project-sync</c> every <see cref="ProjectSyncOptions.Interval"/> when a schedule is set. Each tick's instance
/// id is derived from the tick, so hosts sharing a database start one sync per tick between them.
/// </summary>
public sealed class ProjectSyncSchedule(
    DssOptions options,
    string workflowsFolder,
    IWorkflowCatalog catalog,
    IWorkflowStarter starter,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<ProjectSyncSchedule> logger) : BackgroundService
{
    public const string DefinitionId = "dss-project-sync";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await StartedAsync(stoppingToken);
            foreach (var problem in await catalog.PublishFolderAsync(workflowsFolder, stoppingToken))
                logger.LogError("A DSS plugin workflow was not published: {Problem}", problem);
            if (!options.SyncsProjects) return;
            using var timer = new PeriodicTimer(options.ProjectSync.Interval, clock);
            do await TickAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
        catch (Exception e)
        {
            // A background service that throws would stop the host; the sync is not worth that.
            logger.LogError(e, "The DSS project sync schedule stopped");
        }
    }

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        var tick = clock.GetUtcNow().ToUnixTimeMilliseconds() / (long)options.ProjectSync.Interval.TotalMilliseconds;
        try
        {
            var start = await starter.StartAsync(new WorkflowStartRequest(DefinitionId, new Dictionary<string, object?>(),
                new WorkflowCaller(options.TokenUser ?? "dss-sync"), InstanceId: $"{DefinitionId}-{tick}"), stoppingToken);
            if (start.Created) logger.LogInformation("Started DSS project sync {InstanceId}", start.InstanceId);
        }
        catch (HostRefusalException e)
        {
            logger.LogError("The DSS project sync could not start: {Reason}", e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A database that is away for a moment costs this tick only; the next one tries again.
            logger.LogError(e, "The DSS project sync could not start");
        }
    }

    private Task StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }
}
