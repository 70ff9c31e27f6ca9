using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.Sdk.Plugins;

namespace Company.StreamisPlugin;

/// <summary>
/// The plugin's entry point (one public IPlugin class). The host calls ConfigureServices once at start-up with the
/// plugin's configuration section (Plugins:company-streamis-plugin), then MapEndpoints. Activities need no registration.
/// </summary>
public sealed class PluginEntry : IPlugin
{
    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        services.AddSingleton(new GreetingSettings(context.Configuration["Greeting"] ?? "Hello"));
        // Connectors are registered under their Sdk interface; every IAlerter receives every alert.
        services.AddSingleton<IAlerter>(sp => new LogAlerter(context.Name, sp.GetRequiredService<ILoggerFactory>()));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints, PluginContext context)
    {
        // Plugin endpoints go under /api/plugins/<name>/; callers must be signed in, as for the host's own endpoints.
        endpoints.MapGet($"/api/plugins/{context.Name}/greeting", (GreetingSettings settings) => Results.Ok(new { settings.Greeting }));
    }
}
