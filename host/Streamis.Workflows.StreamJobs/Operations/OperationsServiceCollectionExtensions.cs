using Microsoft.Extensions.DependencyInjection;

namespace Streamis.Workflows.StreamJobs.Operations;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>
    /// What the stream-job activities use beside the domain (<see cref="StreamJobsServiceCollectionExtensions.AddStreamJobs"/>):
    /// connectors by engine name, launch requests, restore choice, bulk progress, the restart policy, and the runtime-backed
    /// operation runner and workflow starter (which need the host's <c>WorkflowRuntime</c>).
    /// </summary>
    public static IServiceCollection AddStreamJobOperations(this IServiceCollection services, OperationsOptions options)
    {
        if (options.Problems() is { Count: > 0 } problems) throw new InvalidOperationException(string.Join("; ", problems));
        services.AddSingleton(options);
        services.AddSingleton<JobEngines>();
        services.AddSingleton<EngineRequests>();
        services.AddSingleton<RestoreStates>();
        services.AddSingleton<BulkRunService>();
        services.AddSingleton<BulkOperations>();
        services.AddSingleton<RestartPolicy>();
        services.AddSingleton<OperationRunner>();
        services.AddSingleton<IWorkflowStarter, RuntimeWorkflowStarter>();
        return services;
    }
}
