using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace Streamis.Workflows.Simulation;

/// <summary>
/// A stateful Linkis gateway and YARN ResourceManager on one WireMock server: EngineConns with their statuses, logs and
/// YARN applications, BML resources, HDFS folders with checkpoints and savepoints, login sessions. It checks token
/// headers and request bodies the way Linkis does and answers with Linkis' exact envelopes and texts, records every
/// call, and takes injected faults (latency, 5xx, time-outs, malformed JSON, <c>status: 1</c>, a lost EngineConn).
/// <code>using var linkis = LinkisSimulation.Start();</code>
/// </summary>
public sealed partial class LinkisSimulation : IDisposable
{
    private const string ApiPrefix = "/api/rest_j/v1/";
    private const string GatewayHost = "127.0.0.1";
    private const int GatewayPort = 9001;

    private readonly WireMockServer server;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly ConcurrentDictionary<string, FaultRule> faults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TimeSpan> latencies = new(StringComparer.Ordinal);

    private LinkisSimulation(LinkisSimulationOptions options)
    {
        Options = options;
        Files = new SimulatedFileSystem(options.Clock);
        server = WireMockServer.Start(new WireMockServerSettings
        {
            StartAdminInterface = false,
            // The simulation keeps its own record; WireMock's log would grow with every status poll of a benchmark.
            MaxRequestLogCount = 1,
            DoNotSaveDynamicResponseInLogEntry = true,
        });
        server.Given(Request.Create().UsingAnyMethod().WithPath(new WireMock.Matchers.RegexMatcher(".*")))
            .RespondWith(Response.Create().WithCallback(AnswerAsync));
    }

    public static LinkisSimulation Start(LinkisSimulationOptions? options = null) => new(options ?? new LinkisSimulationOptions());

    public LinkisSimulationOptions Options { get; }

    /// <summary>The gateway's address (what a plugin's <c>GatewayUrl</c> is set to).</summary>
    public string Url => server.Url!;

    /// <summary>The ResourceManager's address: the same server answers <c>/ws/v1/cluster/…</c>.</summary>
    public string ResourceManagerUrl => server.Url!;

    public SimulatedFileSystem Files { get; }

    /// <summary>Every call received so far, oldest first (empty when <see cref="LinkisSimulationOptions.RecordRequests"/> is off).</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    public IReadOnlyList<RecordedRequest> RequestsTo(string call) => requests.Where(r => r.Call == call).ToList();

    public void ClearRequests() => requests.Clear();

    /// <summary>Every call now takes this long to answer (on top of any per-call latency).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Calls named <paramref name="call"/> (or <see cref="LinkisCalls.Any"/>) take this long to answer.</summary>
    public void SetLatency(string call, TimeSpan latency) => latencies[call] = latency;

    /// <summary>The next <paramref name="times"/> calls named <paramref name="call"/> (all of them when null) get the fault.</summary>
    public void Inject(string call, LinkisFault fault, int? times = null) => faults[call] = new FaultRule(fault, times);

    public void ClearFaults() => faults.Clear();

    public void Dispose()
    {
        if (stopping.IsCancellationRequested) return;
        stopping.Cancel();
        server.Stop();
        server.Dispose();
    }

    private async Task<IResponseMessage> AnswerAsync(IRequestMessage request)
    {
        var path = request.AbsolutePath;
        var body = request.Body;
        JsonNode? json = null;
        if (!string.IsNullOrEmpty(body) && IsJsonContent(request))
        {
            try
            {
                json = JsonNode.Parse(body);
            }
            catch (JsonException)
            {
                // Left null: the handler answers a malformed body as Linkis does.
            }
        }
        var call = CallOf(path, json);
        if (Options.RecordRequests)
        {
            var headers = request.Headers?.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase)
                ?? new Dictionary<string, string>();
            requests.Enqueue(new RecordedRequest(call, request.Method, path + (request.RawQuery is { Length: > 0 } q ? "?" + q.TrimStart('?') : ""),
                headers, IsJsonContent(request) ? body : null, json?.DeepClone(), Options.Clock.GetUtcNow()));
        }

        var delay = Latency + (latencies.TryGetValue(call, out var own) ? own : TimeSpan.Zero)
            + (latencies.TryGetValue(LinkisCalls.Any, out var all) ? all : TimeSpan.Zero);
        if (TakeFault(call) is { } fault)
        {
            switch (fault.Kind)
            {
                case LinkisFaultKind.Latency:
                    delay += fault.Delay;
                    break;
                case LinkisFaultKind.ServerError:
                    await DelayAsync(delay).ConfigureAwait(false);
                    return Text(fault.HttpStatus, "<html><body><h1>" + fault.HttpStatus + " Service Unavailable</h1></body></html>", "text/html");
                case LinkisFaultKind.Timeout:
                    await DelayAsync(TimeSpan.FromMinutes(10)).ConfigureAwait(false);
                    return Text(504, "gave up", "text/plain");
                case LinkisFaultKind.MalformedJson:
                    await DelayAsync(delay).ConfigureAwait(false);
                    return Text(200, "{\"method\":\"/api/" + call + "\",\"status\":0,\"message\":\"OK\",\"data\":{", "application/json");
                case LinkisFaultKind.LinkisError:
                    await DelayAsync(delay).ConfigureAwait(false);
                    return Envelope(200, null, 1, fault.Message ?? "error", new JsonObject());
                case LinkisFaultKind.EngineConnVanished:
                    await DelayAsync(delay).ConfigureAwait(false);
                    if (TargetOf(json) is { } gone) gone.Lost = true;
                    return NotExists();
                case LinkisFaultKind.CarriedOutThenTruncated:
                    await DelayAsync(delay).ConfigureAwait(false);
                    return Truncated(await RouteAsync(request, path, json, body).ConfigureAwait(false));
            }
        }
        await DelayAsync(delay).ConfigureAwait(false);
        return await RouteAsync(request, path, json, body).ConfigureAwait(false);
    }

    private async Task<IResponseMessage> RouteAsync(IRequestMessage request, string path, JsonNode? json, string? body)
    {
        try
        {
            if (path.StartsWith("/ws/v1/", StringComparison.Ordinal)) return AnswerYarn(path);
            if (!path.StartsWith(ApiPrefix, StringComparison.Ordinal)) return Text(404, "No such path " + path, "text/plain");
            var route = path[ApiPrefix.Length..];
            if (route.StartsWith("user/", StringComparison.Ordinal)) return AnswerUser(request, route, json);
            if (Authenticate(request, route) is { } refusal) return refusal;
            var user = request.Headers!["Token-User"].ToString();
            if (IsSessionRequest(request)) user = SessionUser(request)!;
            return route switch
            {
                "linkisManager/createEngineConn" => CreateEngineConn(route, json, body, user),
                "linkisManager/getEngineConn" => GetEngineConn(route, json, user),
                "linkisManager/killEngineConn" => KillEngineConn(route, json, user),
                "linkisManager/executeEngineConnOperation" => EngineConnOperation(route, json, user),
                "linkisManager/executeECMOperation" => ManagerOperation(route, json),
                "bml/upload" => await UploadAsync(request).ConfigureAwait(false),
                "bml/downloadShareResource" => Download(request),
                "filesystem/getDirFileTrees" => DirFileTrees(route, request),
                LinkisCalls.DssProjects => DssProjects(route, json),
                _ => Envelope(404, null, 1, $"unknown request URI /api/rest_j/v1/{route}", new JsonObject()),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException or KeyNotFoundException or NullReferenceException)
        {
            // What Linkis' AOP makes of an unexpected exception: HTTP 400 and its peculiar text.
            return Thrown(null, 0, $"operation failed(操作失败)s！the reason(原因)：{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>The EngineConn a call is about: the target of a Manager call, or the EngineConn named in an ECM operation.</summary>
    private SimulatedEngineConn? TargetOf(JsonNode? json)
    {
        var instance = json?["parameters"]?["engineConnInstance"] ?? json?["instance"];
        return instance is JsonValue value && engineConns.TryGetValue(value.ToString(), out var engineConn) ? engineConn : null;
    }

    /// <summary>The first half of an answer, status and headers kept: what arrives when the connection drops mid-body.</summary>
    private static IResponseMessage Truncated(IResponseMessage answer)
    {
        var text = answer.BodyData?.BodyAsString ?? "";
        var type = answer.Headers?.TryGetValue("Content-Type", out var value) == true ? value.ToString()!.Split(';')[0] : "application/json";
        return Text(answer.StatusCode is int status ? status : 200, text[..(text.Length / 2)], type);
    }

    private static string CallOf(string path, JsonNode? json)
    {
        if (path.StartsWith("/ws/v1/node/", StringComparison.Ordinal)) return LinkisCalls.YarnContainerLog;
        if (path.StartsWith("/ws/v1/", StringComparison.Ordinal)) return path.EndsWith("/appattempts", StringComparison.Ordinal) ? LinkisCalls.YarnAppAttempts : LinkisCalls.YarnAppReport;
        var route = path.StartsWith(ApiPrefix, StringComparison.Ordinal) ? path[ApiPrefix.Length..] : path;
        if (route.StartsWith("linkisManager/execute", StringComparison.Ordinal)
            && json?["parameters"]?["__operator_name__"] is JsonValue name && name.GetValueKind() == JsonValueKind.String)
            return name.GetValue<string>();
        return route.StartsWith("linkisManager/", StringComparison.Ordinal) ? route["linkisManager/".Length..]
            : route.StartsWith("filesystem/", StringComparison.Ordinal) ? route["filesystem/".Length..]
            : route;
    }

    private FaultRule? TakeFault(string call)
    {
        foreach (var key in new[] { call, LinkisCalls.Any })
        {
            if (faults.TryGetValue(key, out var rule) && rule.TryTake()) return rule;
        }
        return null;
    }

    private async Task DelayAsync(TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero) return;
        try
        {
            await Task.Delay(delay, stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Disposed while a call was held: answer at once so the server can stop.
        }
    }

    private static bool IsJsonContent(IRequestMessage request) =>
        request.Headers is null || !request.Headers.TryGetValue("Content-Type", out var type) || type.ToString()!.Contains("json", StringComparison.OrdinalIgnoreCase);

    internal static ResponseMessage Envelope(int httpStatus, string? method, int status, string message, JsonObject data) =>
        Json(httpStatus, new JsonObject { ["method"] = method, ["status"] = status, ["message"] = message, ["data"] = data });

    /// <summary>An error a Linkis controller threw (HTTP 400, status 1, the coded message, <c>data.errorMsg</c>).</summary>
    internal static ResponseMessage Thrown(string? serviceKind, int code, string description)
    {
        var message = code == 0 ? description : $"error code(错误码): {code}, error message(错误信息): {description}.";
        return Envelope(400, null, 1, message, new JsonObject
        {
            ["errorMsg"] = new JsonObject
            {
                ["level"] = 2, ["errCode"] = code, ["desc"] = code == 0 ? message : description,
                ["ip"] = GatewayHost, ["port"] = GatewayPort, ["serviceKind"] = serviceKind ?? "linkis-cg-linkismanager",
            },
        });
    }

    internal static ResponseMessage Json(int httpStatus, JsonNode body) => Text(httpStatus, body.ToJsonString(), "application/json");

    internal static ResponseMessage Text(int httpStatus, string body, string contentType)
    {
        var response = new ResponseMessage
        {
            StatusCode = httpStatus,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", contentType + "; charset=UTF-8");
        return response;
    }

    private sealed class FaultRule(LinkisFault fault, int? times)
    {
        private int left = times ?? int.MaxValue;

        public LinkisFaultKind Kind => fault.Kind;
        public int HttpStatus => fault.HttpStatus;
        public string? Message => fault.Message;
        public TimeSpan Delay => fault.Delay;

        public bool TryTake()
        {
            while (true)
            {
                var current = Volatile.Read(ref left);
                if (current <= 0) return false;
                if (current == int.MaxValue || Interlocked.CompareExchange(ref left, current - 1, current) == current) return true;
            }
        }
    }
}
