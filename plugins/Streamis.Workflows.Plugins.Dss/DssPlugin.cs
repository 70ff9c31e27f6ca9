using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Streamis.Workflows.Plugins.Dss.Gateway;
using Streamis.Workflows.Plugins.Dss.Nodes;
using Streamis.Workflows.Plugins.Dss.Projects;
using Streamis.Workflows.Plugins.Dss.Publish;
using Streamis.Workflows.Plugins.Dss.Sso;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.Sdk.HostServices;
using Streamis.Workflows.Sdk.Plugins;

namespace Streamis.Workflows.Plugins.Dss;

/// <summary>
/// DataSphere Studio: signs in DSS users (<see cref="DssUserResolver"/>), serves the Streamis AppConn's project
/// contract, DSS workflow nodes that run our workflows and the Flink SQL publication, and syncs projects from DSS on
/// a schedule. Its own activity (<see cref="SyncDssProjects"/>) is found by its attribute.
/// </summary>
public sealed class DssPlugin : IPlugin
{
    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = DssOptions.FromConfiguration(context.Configuration, context.DataDirectory);
        services.AddSingleton(options);
        services.AddHttpClient(DssGatewayClient.HttpClientName, client =>
        {
            if (options.GatewayUrl is { } url) client.BaseAddress = new Uri(url);
            // Each call has its own limit (GatewayTimeout); this one only backs it up.
            client.Timeout = options.GatewayTimeout + TimeSpan.FromSeconds(5);
        });
        services.AddSingleton<DssGatewayClient>();
        services.AddSingleton<IUserResolver, DssUserResolver>();
        if (options.SyncsProjects) services.AddSingleton<IProjectSync, DssProjectSync>();
        services.AddSingleton(new NodeRefStore(options.NodeRefDirectory!));
        services.AddSingleton<NodeAccess>();
        var workflows = Path.Combine(context.Folder, "workflows");
        services.AddHostedService(provider => new ProjectSyncSchedule(options, workflows,
            provider.GetRequiredService<IWorkflowCatalog>(), provider.GetRequiredService<IWorkflowStarter>(),
            provider.GetRequiredService<IHostApplicationLifetime>(), provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ProjectSyncSchedule>>()));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints, PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        endpoints.MapSsoEntry(context.Name);
        endpoints.MapProjectContract();
        endpoints.MapNodeRefs();
        endpoints.MapNodeExecutions();
        endpoints.MapPublish();
    }
}
