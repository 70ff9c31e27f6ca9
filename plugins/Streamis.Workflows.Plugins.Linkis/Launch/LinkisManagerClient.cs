using System.Text.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Plugins.Linkis.Gateway;

namespace Streamis.Workflows.Plugins.Linkis.Launch;

/// <summary>The Linkis Manager calls of a once-job: create, status, kill, and the EngineConn operations Streamis uses.</summary>
internal sealed class LinkisManagerClient(LinkisGateway gateway, LinkisOptions options)
{
    public async Task<CreatedEngineConn> CreateAsync(JsonObject body, string user, CancellationToken cancellationToken)
    {
        // Never repeated: a second create would launch the job twice.
        var data = await gateway.PostAsync("createEngineConn", "linkisManager/createEngineConn", body, user, idempotent: false, cancellationToken).ConfigureAwait(false);
        if (!data.TryGetProperty("engine", out var engine) || engine.ValueKind != JsonValueKind.Object)
            throw MalformedCreate("no data.engine", data);
        var engineConn = Instance(engine, "serviceInstance") ?? throw MalformedCreate("no engine.serviceInstance", data);
        var manager = Instance(engine, "ecmServiceInstance") ?? throw MalformedCreate("no engine.ecmServiceInstance", data);
        var ticketId = Text(engine, "ticketId") ?? throw MalformedCreate("no engine.ticketId", data);
        return new CreatedEngineConn(ticketId, engineConn, manager, Text(engine, "nodeStatus") ?? "Starting");
    }

    /// <summary>The EngineConn's <c>nodeStatus</c>; an EngineConn Linkis no longer knows throws <see cref="EngineConnNotFoundException"/>.</summary>
    public async Task<string> GetNodeStatusAsync(ServiceInstance engineConn, string user, CancellationToken cancellationToken)
    {
        var data = await gateway.PostAsync("getEngineConn", "linkisManager/getEngineConn", Target(engineConn), user, idempotent: true, cancellationToken).ConfigureAwait(false);
        if (!data.TryGetProperty("engine", out var engine) || engine.ValueKind != JsonValueKind.Object || Text(engine, "nodeStatus") is not { } status)
            throw Malformed("getEngineConn", "no data.engine.nodeStatus", data);
        return status;
    }

    /// <summary>Kills the EngineConn; one that is already gone counts as killed.</summary>
    public async Task<bool> KillAsync(ServiceInstance engineConn, string user, CancellationToken cancellationToken)
    {
        try
        {
            await gateway.PostAsync("killEngineConn", "linkisManager/killEngineConn", Target(engineConn), user, idempotent: true, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (EngineConnNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The YARN application the EngineConn submitted: <c>engineConnYarnApplication</c>.</summary>
    public async Task<(string Id, string Url)> GetApplicationAsync(ServiceInstance engineConn, string user, CancellationToken cancellationToken)
    {
        var result = await gateway.OperateAsync(engineConn, "engineConnYarnApplication", new Dictionary<string, JsonNode?>(), user, idempotent: true, cancellationToken).ConfigureAwait(false);
        if (Text(result, "applicationId") is not { } id || Text(result, "applicationUrl") is not { } url)
            throw new LinkisException("engineConnYarnApplication", $"Cannot get applicationId from EngineConn {engineConn}: Linkis answered {gateway.Redact(result.ToString())}");
        return (id, url);
    }

    /// <summary>Runs <c>doSavepoint</c> and returns <c>writtenSavepoint</c>, the savepoint's location.</summary>
    public async Task<string> SavepointAsync(ServiceInstance engineConn, string directory, string mode, string user, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, JsonNode?> { ["savepointPath"] = directory, ["mode"] = mode };
        var result = await gateway.OperateAsync(engineConn, "doSavepoint", parameters, user, idempotent: false, cancellationToken, options.SavepointTimeout).ConfigureAwait(false);
        return Text(result, "writtenSavepoint")
            ?? throw new LinkisException("doSavepoint", $"The response savepoint info is empty: EngineConn {engineConn} answered doSavepoint without writtenSavepoint.");
    }

    private static JsonObject Target(ServiceInstance engineConn) => new()
    {
        ["applicationName"] = engineConn.ApplicationName,
        ["instance"] = engineConn.Instance,
    };

    private static ServiceInstance? Instance(JsonElement engine, string name) =>
        engine.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            && Text(value, "applicationName") is { } application && Text(value, "instance") is { } instance
            ? new ServiceInstance(application, instance)
            : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private LinkisUnavailableException Malformed(string call, string what, JsonElement data) =>
        new(call, $"Linkis answered {call} without what it always sends ({what}): {gateway.Redact(data.ToString())}");

    /// <summary>Linkis said the create succeeded, so an EngineConn may run: not a reason to create another.</summary>
    private LinkisException MalformedCreate(string what, JsonElement data) =>
        new("createEngineConn", $"Linkis answered createEngineConn with success but without what it always sends ({what}): {gateway.Redact(data.ToString())}; "
            + "an EngineConn may have been created, so the launch is not repeated: check Linkis.");
}
