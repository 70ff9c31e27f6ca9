using Streamis.Workflows.Host.Auth;
using Streamis.Workflows.StreamJobs.Config;

namespace Streamis.Workflows.Host.Endpoints.Config;

/// <summary>
/// Elastic job-configuration definitions (admins): add, change and retire them without a release. Jobs read them
/// through the Streamis-compatible <c>config/definitions</c> and <c>config/json</c>.
/// </summary>
public static class ConfigDefinitionEndpoints
{
    public static void MapConfigDefinitionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/config/definitions").WithTags("Configuration").RequireAuthorization(Policies.Administer);
        group.MapGet("", async (bool? includeRetired, JobConfigService config, CancellationToken ct) =>
            Results.Ok(await config.GetDefinitionsAsync(includeRetired ?? false, ct)));
        group.MapPost("", async (HttpRequest request, JobConfigService config, CancellationToken ct) =>
        {
            var added = await config.AddDefinitionAsync(await ReadAsync(request, keyFromRoute: null, ct), ct);
            return Results.Created($"/api/config/definitions/{Uri.EscapeDataString(added.Key)}", added);
        });
        group.MapPut("/{key}", async (string key, HttpRequest request, JobConfigService config, CancellationToken ct) =>
            Results.Ok(await config.UpdateDefinitionAsync(key, await ReadAsync(request, key, ct), ct)));
        group.MapDelete("/{key}", async (string key, JobConfigService config, CancellationToken ct) =>
        {
            await config.RetireDefinitionAsync(key, ct);
            return Results.NoContent();
        });
    }

    private static async Task<ConfigDefinitionInput> ReadAsync(HttpRequest request, string? keyFromRoute, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request, ct);
        var key = keyFromRoute ?? body.String("key", required: true, maxLength: 128);
        var input = new ConfigDefinitionInput(
            key ?? "",
            body.String("name", required: true, maxLength: 128) ?? "",
            body.String("type", required: true, maxLength: 32) ?? "",
            body.String("parentKey", maxLength: 128),
            body.Int("sort") ?? 0,
            body.String("description", maxLength: 512),
            body.String("validateType", maxLength: 32),
            body.String("validateRule", maxLength: 512),
            body.String("defaultValue", maxLength: 500),
            body.StringList("refValues", maxItems: 200, maxLength: 128),
            body.Bool("required") ?? false,
            body.Bool("isTemp") ?? false,
            body.String("unit", maxLength: 32),
            body.String("style", maxLength: 128),
            body.Bool("visible") ?? true);
        body.ThrowIfInvalid();
        return input;
    }
}
