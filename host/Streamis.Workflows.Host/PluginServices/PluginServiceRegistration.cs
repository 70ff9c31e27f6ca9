using Streamis.Workflows.Sdk.HostServices;

namespace Streamis.Workflows.Host.PluginServices;

public static class PluginServiceRegistration
{
    /// <summary>The host services of the Sdk (<c>Streamis.Workflows.Sdk.HostServices</c>) that plugins consume.</summary>
    public static IServiceCollection AddPluginHostServices(this IServiceCollection services)
    {
        services.AddSingleton<IProjectDirectory, ProjectDirectory>();
        services.AddSingleton<IWorkflowStarter, WorkflowStarter>();
        services.AddSingleton<IWorkflowInstances, WorkflowInstanceReader>();
        services.AddSingleton<IWorkflowCatalog, WorkflowCatalog>();
        services.AddSingleton<IStreamJobPublisher, StreamJobPublisher>();
        return services;
    }
}
