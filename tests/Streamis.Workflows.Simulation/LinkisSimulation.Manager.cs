using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;

namespace Streamis.Workflows.Simulation;

/// <summary>The Linkis Manager: createEngineConn, getEngineConn, killEngineConn, and the EngineConns they act on.</summary>
public sealed partial class LinkisSimulation
{
    private const string EngineConnApplication = "linkis-cg-engineconn";
    private const string ManagerApplication = "linkis-cg-engineconnmanager";
    private static readonly HashSet<string> CreateKeys = new(StringComparer.Ordinal) { "properties", "labels", "createService", "timeOut", "description", "ignoreTimeout" };

    private readonly ConcurrentDictionary<string, SimulatedEngineConn> engineConns = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SimulatedEngineConn> byTicket = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SimulatedEngineConn> byApplication = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SimulatedEngineConn> byContainer = new(StringComparer.Ordinal);
    private int engineConnCount;

    /// <summary>The ECM every EngineConn is started by.</summary>
    public string ManagerInstance { get; } = "sim-ecm-1:9102";

    /// <summary>Every EngineConn created, killed and lost ones included.</summary>
    public IReadOnlyCollection<SimulatedEngineConn> EngineConns => engineConns.Values.OrderBy(e => e.Number).ToList();

    public int EngineConnCount => Volatile.Read(ref engineConnCount);

    public SimulatedEngineConn EngineConn(string instance) =>
        engineConns.TryGetValue(instance, out var engineConn) ? engineConn : throw new KeyNotFoundException($"No simulated EngineConn {instance}.");

    /// <summary>The EngineConn created last (handy in single-launch tests).</summary>
    public SimulatedEngineConn LastEngineConn => EngineConns.LastOrDefault() ?? throw new InvalidOperationException("No EngineConn has been created.");

    /// <summary>Linkis forgets the EngineConn without a kill (its node died): it answers "Not exists EngineConn" from now on.</summary>
    public void LoseEngineConn(string instance) => EngineConn(instance).Lost = true;

    private ResponseMessage CreateEngineConn(string route, JsonNode? json, string? body, string user)
    {
        if (json is not JsonObject request)
            return Thrown(null, 0, $"operation failed(操作失败)s！the reason(原因)：HttpMessageNotReadableException: JSON parse error: {(body is null ? "empty body" : "not an object")}");
        if (request.Select(p => p.Key).FirstOrDefault(key => !CreateKeys.Contains(key)) is { } unknown)
            return Thrown(null, 0, $"operation failed(操作失败)s！the reason(原因)：UnrecognizedPropertyException: Unrecognized field \"{unknown}\" (class EngineCreateRequest), not marked as ignorable");
        var labels = request["labels"] as JsonObject;
        var properties = request["properties"] as JsonObject;
        string? Label(string key) => labels?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        var problem = (Label("engineType"), Label("userCreator")) switch
        {
            (null, _) => "LinkisRetryException: errCode: 30002 ,desc:  The em of labels{} not found: engineType label is required",
            (_, null) => "LinkisRetryException: errCode: 30002 ,desc:  The em of labels{} not found: userCreator label is required",
            _ when Label("engineConnMode") != "once" => "only once-mode EngineConns are simulated: labels.engineConnMode must be once",
            _ when properties?["onceExecutorContent"] is not JsonValue => "onceExecutorContent is missing from properties",
            _ when !IsBmlReference(properties!["onceExecutorContent"]!.GetValue<string>()) => "onceExecutorContent does not name an uploaded BML resource",
            _ => null,
        };
        if (problem is not null) return Envelope(200, "/api/" + route, 1, $"Create engineConn failed, caused by {problem}.", new JsonObject());

        var number = Interlocked.Increment(ref engineConnCount);
        var instance = string.Create(CultureInfo.InvariantCulture, $"sim-ec-{number}:{20000 + number % 40000}");
        var ticket = Guid.NewGuid().ToString();
        var now = Options.Clock.GetUtcNow();
        var applicationId = string.Create(CultureInfo.InvariantCulture, $"application_{now.ToUnixTimeMilliseconds() / 1000}_{number:D4}");
        var application = new SimulatedYarnApplication(applicationId, user, properties?["flink.app.name"]?.ToString() ?? instance,
            $"{Url}/proxy/{applicationId}/", $"container_{applicationId["application_".Length..]}_01_000001", now.ToUnixTimeMilliseconds());
        application.AppendLog($"{Stamp(now)} INFO  org.apache.flink.runtime.entrypoint.ClusterEntrypoint - Starting YarnJobClusterEntrypoint of {application.Name}.");
        var engineConn = new SimulatedEngineConn(number, instance, ticket, user, ManagerInstance, (JsonObject)request.DeepClone(), application);
        engineConn.AppendLog(
            $"{Stamp(now)} INFO  EngineConnServer - Starting once EngineConn {instance} for {user}.",
            $"{Stamp(now)} INFO  FlinkOnceExecutor - Submitting {application.Name} to YARN as {applicationId}.");
        engineConns[instance] = engineConn;
        byTicket[ticket] = engineConn;
        byApplication[applicationId] = engineConn;
        byContainer[application.ContainerId] = engineConn;
        return Envelope(200, "/api/linkisManager/createEngineConn", 0, "create engineConn succeed.", new JsonObject
        {
            ["engine"] = new JsonObject
            {
                ["serviceInstance"] = Instance(EngineConnApplication, instance),
                ["nodeStatus"] = "Starting",
                ["ticketId"] = ticket,
                ["ecmServiceInstance"] = Instance(ManagerApplication, ManagerInstance),
            },
        });
    }

    private ResponseMessage GetEngineConn(string route, JsonNode? json, string user)
    {
        if (Target(json) is { } refusal) return refusal;
        if (Find(json!["instance"]!.GetValue<string>()) is not { } engineConn) return NotExists();
        if (!MayAct(engineConn, user))
            return Envelope(200, "/api/" + route, 1, $"You have no permission to access EngineConn ServiceInstance({EngineConnApplication}, {engineConn.Instance})", new JsonObject());
        // Only the start-up moves by itself; a status a test set stays.
        if (!engineConn.StartupDone && Interlocked.Increment(ref engineConn.StatusPolls) >= Options.PollsUntilStarted)
        {
            engineConn.StartupDone = true;
            if (engineConn.Status == "Starting") engineConn.Status = Options.StartupStatus;
        }
        return Envelope(200, "/api/linkisManager/getEngineConn", 0, "OK", new JsonObject { ["engine"] = Node(engineConn) });
    }

    private ResponseMessage KillEngineConn(string route, JsonNode? json, string user)
    {
        if (Target(json) is { } refusal) return refusal;
        if (Find(json!["instance"]!.GetValue<string>()) is not { } engineConn) return NotExists();
        if (!MayAct(engineConn, user))
            return Envelope(200, "/api/" + route, 1, $"You have no permission to kill EngineConn ServiceInstance({EngineConnApplication}, {engineConn.Instance})", new JsonObject());
        engineConn.Killed = true;
        engineConn.Status = "ShuttingDown";
        if (engineConn.Application.State == "RUNNING") engineConn.Application.SetState("KILLED", "KILLED");
        engineConn.AppendLog($"{Stamp(Options.Clock.GetUtcNow())} INFO  EngineConnServer - Killed by {user}.");
        return Envelope(200, "/api/linkisManager/killEngineConn", 0, "Kill engineConn succeed.", new JsonObject());
    }

    /// <summary>An EngineConn Linkis still knows, by instance.</summary>
    private SimulatedEngineConn? Find(string instance) =>
        engineConns.TryGetValue(instance, out var engineConn) && engineConn.IsKnown ? engineConn : null;

    private bool MayAct(SimulatedEngineConn engineConn, string user) => user == engineConn.Owner || user == Options.AdminUser;

    /// <summary>Linkis' checks of <c>{applicationName, instance}</c>: a missing key is an NPE, an empty one error 21001.</summary>
    private static ResponseMessage? Target(JsonNode? json)
    {
        if (json is not JsonObject target || target["applicationName"] is not JsonValue || target["instance"] is not JsonValue)
            return Thrown(null, 0, "operation failed(操作失败)s！the reason(原因)：NullPointerException: null");
        if (target["applicationName"]!.ToString().Length == 0) return Thrown(null, 21001, "applicationName cannot be null(请求参数applicationName不能为空)");
        if (target["instance"]!.ToString().Length == 0) return Thrown(null, 21001, "instance cannot be null(请求参数instance不能为空)");
        return null;
    }

    private static ResponseMessage NotExists() => Thrown("linkis-cg-linkismanager", 210003, "Not exists EngineConn(不存在的引擎)");

    private JsonObject Node(SimulatedEngineConn engineConn) => new()
    {
        ["serviceInstance"] = Instance(EngineConnApplication, engineConn.Instance),
        ["nodeStatus"] = engineConn.Status,
        ["owner"] = engineConn.Owner,
        ["mark"] = "process",
        ["startTime"] = engineConn.Application.StartedTime,
        ["updateTime"] = null,
        ["emnode"] = new JsonObject
        {
            ["serviceInstance"] = Instance(ManagerApplication, engineConn.ManagerInstance),
            ["owner"] = Options.AdminUser, ["mark"] = "process", ["startTime"] = engineConn.Application.StartedTime, ["updateTime"] = null,
            ["nodeStatus"] = null, ["labels"] = null, ["score"] = 0.0, ["nodeResource"] = null, ["nodeTaskInfo"] = null,
            ["nodeOverLoadInfo"] = null, ["nodeHealthyInfo"] = null,
        },
        ["labels"] = null,
        ["score"] = 0.0,
        ["lock"] = null,
        ["ticketId"] = null,
        ["nodeResource"] = null,
        ["nodeTaskInfo"] = null,
        ["nodeOverLoadInfo"] = null,
        ["nodeHealthyInfo"] = null,
    };

    private static JsonObject Instance(string application, string instance) => new() { ["applicationName"] = application, ["instance"] = instance };

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
