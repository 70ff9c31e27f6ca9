using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.Sdk.Plugins;

namespace Streamis.Workflows.Plugins.Sample;

/// <summary>
/// The sample's entry point. It registers the file alerter as a connector (every <see cref="IAlerter"/> receives every
/// alert) and serves the alerts it wrote. Its activity, <see cref="RaiseSampleAlert"/>, is found by its attribute.
/// </summary>
public sealed class SamplePlugin : IPlugin
{
    /// <summary>Where alerts go when <c>Plugins:sample:AlertFile</c> is not set; relative paths are under the data folder.</summary>
    public const string DefaultAlertFile = "alerts/sample-alerts.jsonl";

    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        var file = context.Configuration["AlertFile"] is { Length: > 0 } configured ? configured : DefaultAlertFile;
        var alerter = new FileAlerter(Path.GetFullPath(Path.Combine(context.DataDirectory, file)));
        // One instance under both types, so the endpoint reads the file the connector writes.
        services.AddSingleton(alerter);
        services.AddSingleton<IAlerter>(alerter);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints, PluginContext context)
    {
        // Under /api/plugins/<name>/ by convention, so plugins cannot collide with the host's routes or with each other.
        endpoints.MapGet($"/api/plugins/{context.Name}/alerts", async (FileAlerter alerter, int? last, CancellationToken ct) =>
            Results.Ok(await alerter.ReadRecentAsync(Math.Clamp(last ?? 50, 1, 1000), ct)));
    }
}
