using Streamis.Workflows.Engine.Runtime;
using Streamis.Workflows.Persistence;
using Streamis.Workflows.StreamJobs;

namespace Streamis.Workflows.Host.Hosting;

/// <summary>Brings the database up to date, publishes the built-in workflows, then runs the durable runtime.</summary>
public sealed class RuntimeHostedService(
    WorkflowDatabase database,
    StreamJobsDatabase streamJobs,
    DefinitionFileLoader loader,
    WorkflowRuntime runtime,
    HostPaths paths,
    Diagnostics.PrometheusExporter metrics,
    ILogger<RuntimeHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Listening starts before the first workflow runs, so no measurement is missed.
        _ = metrics;
        await database.InitializeAsync(cancellationToken);
        // The sj_ tables live in the workflow database, so they can only be migrated once it exists.
        await streamJobs.InitializeAsync(cancellationToken);
        // Built-in workflows are grouped in subfolders (workflows/streamjobs); each folder is loaded, the top one first.
        var loaded = new List<DefinitionLoadResult>();
        var folders = Directory.Exists(paths.WorkflowsDirectory)
            ? Directory.EnumerateDirectories(paths.WorkflowsDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Prepend(paths.WorkflowsDirectory)
            : [];
        foreach (var folder in folders) loaded.AddRange(await loader.LoadAsync(folder, cancellationToken));
        logger.LogInformation("Workflows folder {Folder}: {Published} published, {Unchanged} unchanged, {Rejected} rejected",
            paths.WorkflowsDirectory, loaded.Count(l => l.Published), loaded.Count(l => !l.Published && l.Problems.Count == 0), loaded.Count(l => l.Problems.Count > 0));
        await runtime.StartAsync(cancellationToken);
        logger.LogInformation("Runtime started as node {NodeId} with {Workers} workers", runtime.Options.NodeId, runtime.Options.Workers);
    }

    public Task StopAsync(CancellationToken cancellationToken) => runtime.StopAsync(cancellationToken);
}
