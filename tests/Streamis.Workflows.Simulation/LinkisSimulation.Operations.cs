using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Plugins.Local;
using WireMock;

namespace Streamis.Workflows.Simulation;

/// <summary>
/// EngineConn and ECM operations: <c>engineConnYarnApplication</c>, <c>doSavepoint</c> (Linkis ≥ 1.1.2),
/// <c>engineConnLog</c>, <c>engineConnYarnLog</c> (≥ 1.1.3). An operator failure is HTTP 200, status 0, <c>isError: true</c>.
/// </summary>
public sealed partial class LinkisSimulation
{
    private const int MaxLogLines = 5000;

    /// <summary>Writes a checkpoint of the EngineConn's job (<c>&lt;dir&gt;/&lt;flink job id&gt;/chk-N/_metadata</c>) and returns its path.</summary>
    public string WriteCheckpoint(SimulatedEngineConn engineConn, int number, DateTimeOffset? at = null)
    {
        var key = engineConn.Properties.Select(p => p.Key).FirstOrDefault(k => k.EndsWith("state.checkpoints.dir", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"EngineConn {engineConn.Instance} was launched without a checkpoint folder (checkpointing off).");
        var folder = engineConn.Properties[key]!.GetValue<string>().Replace(@"\0x001", " ", StringComparison.Ordinal);
        var path = string.Create(CultureInfo.InvariantCulture, $"{folder}/{FlinkJobId(engineConn)}/chk-{number}/_metadata");
        Files.AddFile(path, at);
        return SimulatedFileSystem.Normalise(path);
    }

    private ResponseMessage EngineConnOperation(string route, JsonNode? json, string user)
    {
        if (Target(json) is { } refusal) return refusal;
        if (Find(json!["instance"]!.GetValue<string>()) is not { } engineConn) return NotExists();
        if (!MayAct(engineConn, user))
            return Envelope(200, "/api/" + route, 1, $"You have no permission to execute Engine Operation ServiceInstance({EngineConnApplication}, {engineConn.Instance})", new JsonObject());
        var parameters = json["parameters"] as JsonObject ?? [];
        var operation = Parameter(parameters, "__operator_name__");
        return operation switch
        {
            null => OperatorError("GovernanceErrorException", 20031, "__operator_name__ is not exists."),
            "engineConnYarnApplication" => YarnApplication(engineConn),
            "doSavepoint" when !AtLeast(1, 1, 2) => UnknownOperator(operation),
            "doSavepoint" => Savepoint(engineConn, parameters),
            _ => UnknownOperator(operation),
        };
    }

    private ResponseMessage ManagerOperation(string route, JsonNode? json)
    {
        if (Target(json) is { } refusal) return refusal;
        if (json!["instance"]!.GetValue<string>() != ManagerInstance)
            return Thrown(null, 0, "operation failed(操作失败)s！the reason(原因)：NullPointerException: null");
        var parameters = json["parameters"] as JsonObject ?? [];
        var operation = Parameter(parameters, "__operator_name__");
        if (operation is null) return Thrown(null, 20031, "__operator_name__ is not exists");
        if (operation is not ("engineConnLog" or "engineConnYarnLog") || (operation == "engineConnYarnLog" && !AtLeast(1, 1, 3))) return UnknownOperator(operation);
        foreach (var required in new[] { "pageSize", "fromLine" })
        {
            if (parameters[required] is null) return OperatorError("ECMErrorException", 20305, $"The parameter of {required} is not exists.");
        }
        var engineConn = Parameter(parameters, "ticketId") is { } ticket && byTicket.TryGetValue(ticket, out var byId) ? byId
            : Parameter(parameters, "engineConnInstance") is { } instance && engineConns.TryGetValue(instance, out var byInstance) ? byInstance
            : null;
        var logDir = $"/appcom/tmp/{engineConn?.Owner ?? "unknown"}/{engineConn?.TicketId ?? "unknown"}/logs";
        if (engineConn is null)
            return OperatorError("ECMErrorException", 11110, $"LogFile {logDir}/stdout is not exists or is not a file.");
        IReadOnlyList<string> lines;
        string logPath;
        if (operation == "engineConnYarnLog")
        {
            var applicationId = Parameter(parameters, "yarnApplicationId");
            if (applicationId is null) return OperatorError("ECMErrorException", 20305, "The parameter of yarnApplicationId is not exists.");
            if (!engineConn.Application.LogsAggregated || applicationId != engineConn.Application.Id)
                return OperatorError("ECMErrorException", 11110,
                    $"Fail to fetch yarn logs application: {applicationId}, message: Fetch yarn logs timeout, log aggregation has not completed or is not enabled");
            lines = engineConn.Application.Log;
            logPath = $"{logDir}/yarn_{applicationId}";
        }
        else
        {
            lines = engineConn.ClientLog;
            logPath = $"{logDir}/{Parameter(parameters, "logType") ?? "stdout"}";
        }
        return Page(lines, logPath, parameters);
    }

    /// <summary>The ECM's paging: skip to fromLine, keep up to pageSize lines passing the filters; or the last rows only.</summary>
    private static ResponseMessage Page(IReadOnlyList<string> lines, string logPath, JsonObject parameters)
    {
        var pageSize = Number(parameters, "pageSize") ?? 100;
        var fromLine = Math.Max(1, Number(parameters, "fromLine") ?? 1);
        var lastRows = Number(parameters, "lastRows") ?? 0;
        var filter = new LogLineFilter(Parameter(parameters, "ignoreKeywords"), Parameter(parameters, "onlyKeywords"));
        var logs = new JsonArray();
        if (lastRows > 0)
        {
            if (lastRows > MaxLogLines) return OperatorError("ECMErrorException", 11110, $"Cannot fetch more than {MaxLogLines} lines of logs.");
            foreach (var line in lines.Skip(Math.Max(0, lines.Count - lastRows)).Where(filter.Keeps)) logs.Add(line);
            return OperatorResult(new JsonObject { ["logs"] = logs, ["rows"] = logs.Count });
        }
        var scanned = 0;
        for (var i = 0; i < lines.Count && logs.Count < pageSize; i++)
        {
            scanned = i + 1;
            if (filter.Keeps(lines[i]) && i + 1 >= fromLine) logs.Add(lines[i]);
        }
        return OperatorResult(new JsonObject { ["logPath"] = logPath, ["logs"] = logs, ["endLine"] = scanned, ["rows"] = logs.Count });
    }

    private ResponseMessage YarnApplication(SimulatedEngineConn engineConn)
    {
        if (Interlocked.Increment(ref engineConn.ApplicationInfoCalls) <= Options.ApplicationInfoFailures)
            return OperatorError("EngineConnException", 20301, "The application of this EngineConn is not submitted yet.");
        return OperatorResult(new JsonObject
        {
            ["applicationId"] = engineConn.Application.Id,
            ["applicationUrl"] = engineConn.Application.TrackingUrl,
            ["queue"] = engineConn.Application.Queue,
            ["yarnMode"] = "Client",
        });
    }

    private ResponseMessage Savepoint(SimulatedEngineConn engineConn, JsonObject parameters)
    {
        var folder = Parameter(parameters, "savepointPath");
        var mode = Parameter(parameters, "mode");
        if (folder is null) return OperatorError("EngineConnException", 20305, "The parameter of savepointPath is not exists.");
        if (mode is null) return OperatorError("EngineConnException", 20305, "The parameter of mode is not exists.");
        if (mode is not ("trigger" or "cancel" or "stop")) return OperatorError("JobExecutionException", 0, $"not supported savepoint operator mode {mode}");
        if (NodeStatusIsEnded(engineConn.Status)) return OperatorError("JobExecutionException", 0, $"The Flink job of {engineConn.Instance} is not running ({engineConn.Status}).");
        var name = $"savepoint-{FlinkJobId(engineConn)[..6]}-{Guid.NewGuid().ToString("N")[..12]}";
        var location = $"{SimulatedFileSystem.Normalise(folder)}/{name}";
        Files.AddFile(location + "/_metadata");
        if (mode != "trigger")
        {
            engineConn.Status = "Success";
            engineConn.Application.SetState("FINISHED", "SUCCEEDED");
        }
        engineConn.AppendLog($"{Stamp(Options.Clock.GetUtcNow())} INFO  TriggerSavepointOperator - Savepoint ({mode}) written to {location}.");
        return OperatorResult(new JsonObject { ["writtenSavepoint"] = location });
    }

    private static bool NodeStatusIsEnded(string status) => status is "Success" or "Failed" or "ShuttingDown";

    private bool AtLeast(int major, int minor, int patch)
    {
        var parts = Options.LinkisVersion.Split('-')[0].Split('.').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).Concat([0, 0, 0]).ToArray();
        return parts[0] * 10000 + parts[1] * 100 + parts[2] >= major * 10000 + minor * 100 + patch;
    }

    private static ResponseMessage UnknownOperator(string operation) =>
        OperatorError("GovernanceErrorException", 20030, $"Cannot find operator named {operation}.");

    private static ResponseMessage OperatorResult(JsonObject result) =>
        Envelope(200, "/api/linkisManager/executeOperation", 0, "OK", new JsonObject { ["result"] = result, ["errorMsg"] = "", ["isError"] = false });

    private static ResponseMessage OperatorError(string exception, int code, string description) =>
        Envelope(200, "/api/linkisManager/executeOperation", 0, "OK", new JsonObject
        {
            ["result"] = new JsonObject(),
            ["errorMsg"] = code == 0 ? $"{exception}: {description}" : $"{exception}: errCode: {code} ,desc: {description} ,ip: {GatewayHost} ,port: {GatewayPort} ,serviceKind: linkis-cg-engineconn",
            ["isError"] = true,
        });

    private static string? Parameter(JsonObject parameters, string key) =>
        parameters[key] is JsonValue value ? value.ToString() is { Length: > 0 } text ? text : null : null;

    private static int? Number(JsonObject parameters, string key) =>
        parameters[key] is JsonValue value && int.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static string FlinkJobId(SimulatedEngineConn engineConn) => Convert.ToHexStringLower(BitConverter.GetBytes((long)engineConn.Number * 7919 + 1))
        + engineConn.TicketId.Replace("-", "", StringComparison.Ordinal)[..16];
}
