using System.Globalization;
using System.Text.Json.Nodes;
using Streamis.Workflows.StreamJobs.Config;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.Host.StreamisRest;

/// <summary><c>/streamis/streamJobManager/config</c>: definitions and a job's configuration as nested JSON.</summary>
public static class StreamisConfigEndpoints
{
    public static void MapStreamisConfigEndpoints(this RouteGroupBuilder streamis)
    {
        var group = streamis.MapGroup("/streamJobManager/config");
        // Streamis maps /definitions to any method.
        group.MapMethods("/definitions", ["GET", "POST"], DefinitionsAsync);
        group.MapGet("/json/{jobId}", GetJsonAsync);
        group.MapPost("/json/{jobId}", SaveJsonAsync);
    }

    private static async Task<IResult> DefinitionsAsync(HttpContext context, JobConfigService config, CancellationToken ct)
    {
        var definitions = await config.GetDefinitionsAsync(cancellationToken: ct);
        return LinkisMessage.Ok(context, new JsonObject { ["def"] = new JsonArray(definitions.Select(d => (JsonNode)ToJson(d)).ToArray()) });
    }

    private static async Task<IResult> GetJsonAsync(HttpContext context, string jobId, JobService jobs, JobConfigService config, StreamisPrivileges privileges, CancellationToken ct)
    {
        var id = StreamisQuery.Long("jobId", jobId);
        _ = await jobs.FindAsync(id, ct) ?? throw StreamJobsException.JobNotFound(id);
        if (!await privileges.OnJobAsync(context.User, id, ProjectPrivilege.Access, ct))
            return LinkisMessage.Error(context, $"Have no permission to view the configuration of StreamJob [{id}]");
        return LinkisMessage.Ok(context, await config.GetJsonAsync(id, ct));
    }

    private static async Task<IResult> SaveJsonAsync(HttpContext context, string jobId, JobService jobs, JobConfigService config, StreamisPrivileges privileges, CancellationToken ct)
    {
        var id = StreamisQuery.Long("jobId", jobId);
        var body = await StreamisBody.ReadObjectAsync(context.Request, ct);
        _ = await jobs.FindAsync(id, ct) ?? throw StreamJobsException.JobNotFound(id);
        if (!await privileges.OnJobAsync(context.User, id, ProjectPrivilege.Edit, ct))
            return LinkisMessage.Error(context, $"Have no permission to save the configuration of StreamJob [{id}]");
        var saved = await config.SaveJsonAsync(id, body, ct);
        if (saved.Saved) return LinkisMessage.Ok(context);
        // The web UI shows data.errorMsg.desc when a save fails; the list names each field for other clients.
        var desc = string.Join("; ", saved.Errors.Select(e => $"{e.Field}: {e.Message}"));
        return LinkisMessage.Error(context, $"The configuration is invalid: {desc}", new JsonObject
        {
            ["errorMsg"] = new JsonObject
            {
                ["desc"] = desc,
                ["errors"] = new JsonArray(saved.Errors.Select(e => (JsonNode)new JsonObject { ["field"] = e.Field, ["message"] = e.Message }).ToArray()),
            },
        });
    }

    /// <summary>Streamis' field names; nulls are left out as its serialiser does.</summary>
    private static JsonObject ToJson(ConfigDefinition d)
    {
        var json = new JsonObject
        {
            ["id"] = d.Id,
            ["key"] = d.Key,
            ["name"] = d.Name,
            ["type"] = d.Type,
            ["sort"] = d.Sort,
        };
        void Add(string name, string? value) { if (value is not null) json[name] = value; }
        Add("description", d.Description);
        Add("validate_type", d.ValidateType);
        Add("validate_rule", d.ValidateRule);
        Add("style", d.Style);
        json["visiable"] = d.Visible;
        json["level"] = d.Level;
        Add("unit", d.Unit);
        Add("default_value", d.DefaultValue);
        json["ref_values"] = new JsonArray(d.RefValues.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
        if (d.ParentRef is { } parent) json["parent_ref"] = parent.ToString(CultureInfo.InvariantCulture);
        json["child_def"] = new JsonArray(d.Children.Select(c => (JsonNode)ToJson(c)).ToArray());
        json["required"] = d.Required;
        return json;
    }

}
