using Microsoft.Extensions.Diagnostics.HealthChecks;
using Streamis.Workflows.Engine.Registry;
using Streamis.Workflows.Host.Auth;
using Streamis.Workflows.Host.Plugins;

namespace Streamis.Workflows.Host.Endpoints.System;

/// <summary>Activity descriptors, plugins, health and metrics.</summary>
public static class SystemEndpoints
{
    public static void MapSystemEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/workflows/descriptors", (ActivityRegistry registry) => Results.Ok(registry.Descriptors))
            .WithTags("Descriptors").RequireAuthorization(Policies.Read);
        app.MapGet("/api/plugins", (PluginCatalog catalog) => Results.Ok(new
        {
            hostSdkVersion = PluginCatalog.HostSdkVersion.ToString(),
            loaded = catalog.Loaded.Select(p => new { p.Manifest.Name, p.Manifest.Version, p.Manifest.SdkVersion, p.Manifest.Description, p.Folder }),
            failed = catalog.Failed,
        })).WithTags("Plugins").RequireAuthorization(Policies.Administer);
        app.MapGet("/health", HealthAsync).WithTags("Health").AllowAnonymous();
        app.MapGet("/metrics", (Diagnostics.PrometheusExporter exporter) => Results.Text(exporter.Scrape(), "text/plain; version=0.0.4"))
            .WithTags("Health").RequireAuthorization(Policies.Read);
    }

    private static async Task<IResult> HealthAsync(HealthCheckService health, PluginCatalog catalog, CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(ct);
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
            plugins = new { loaded = catalog.Loaded.Count, failed = catalog.Failed.Count },
        };
        return Results.Json(body, statusCode: report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }
}
