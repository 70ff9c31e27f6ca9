using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Streamis.Workflows.Sdk.Plugins;

/// <summary>
/// A plugin's entry point: one public class with a parameterless constructor. It registers its connectors and
/// services, and may map HTTP endpoints. Activities in the plugin's assembly are found from their attributes.
/// </summary>
public interface IPlugin
{
    void ConfigureServices(IServiceCollection services, PluginContext context);

    void MapEndpoints(IEndpointRouteBuilder endpoints, PluginContext context)
    {
    }
}
