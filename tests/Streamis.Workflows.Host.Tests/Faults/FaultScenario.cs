using System.Net;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Tests.Operations.Support;
using Streamis.Workflows.Host.Tests.Support;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.Simulation;

namespace Streamis.Workflows.Host.Tests.Faults;

/// <summary>
/// Runs one row of the <see cref="FaultTable"/>: brings fresh jobs to where the operation needs them with a healthy
/// Linkis, injects the fault into the one call, runs the operation through the host's HTTP API, and checks what the
/// user sees and that the tasks, EngineConns and savepoints still agree.
/// </summary>
internal sealed class FaultScenario(FaultHost host, FaultCase row)
{
    public const string RefusalText = "Queue root.streamis is closed for the fault suite (队列已关闭)";
    private const string Placeholder = "No log content is available";
    private const string SavepointRoot = "hdfs:///flink/flink-savepoints";

    /// <summary>Answers as read, Linkis' Chinese included, so the messages can be searched for it.</summary>
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<long> jobs = [];
    private readonly Dictionary<long, int> tasksBefore = [];
    private HashSet<string> savepointsBefore = [];
    private int engineConnsBefore;
    private string? savepoint;
    private string? dssProject;

    private LinkisSimulation Linkis => host.Linkis;

    private HttpClient Admin => host.Admin;

    public async Task RunAsync()
    {
        Linkis.ClearFaults();
        await PrepareAsync();
        foreach (var jobId in jobs) tasksBefore[jobId] = (await host.Tasks.ListAsync(jobId)).Count;
        savepointsBefore = [.. Linkis.Files.FilesUnder(SavepointRoot)];
        engineConnsBefore = Linkis.EngineConnCount;
        Linkis.ClearRequests();
        Inject();
        Observation seen;
        try
        {
            seen = await OperateAsync();
        }
        finally
        {
            Linkis.ClearFaults();
        }
        await CheckWhatTheUserSawAsync(seen);
        await CheckStateAgreesAsync();
        await StopWhatStillRunsAsync();
    }

    private async Task PrepareAsync()
    {
        var project = await Admin.ProjectAsync();
        var count = row.Operation == Operation.BulkStart ? 2 : 1;
        for (var i = 0; i < count; i++) jobs.Add(await Admin.SqlJobAsync(project, $"fault{i}"));
        if (row.Operation == Operation.StartFromBml)
        {
            var resourceId = Linkis.AddBmlResource("insert into sink select * from source");
            jobs[0] = await Admin.JobAsync(project, "fault-bml", "flink.sql", new JsonObject { ["type"] = "bml", ["resourceId"] = resourceId, ["version"] = "v000001" });
        }
        if (row.Operation == Operation.DssProjectSync)
        {
            dssProject = "dss" + Guid.NewGuid().ToString("N")[..10];
            Linkis.AddDssProject(FaultHost.DssWorkspace, dssProject, ["admin"]);
        }
        if (row.Operation is Operation.Start or Operation.StartFromBml or Operation.BulkStart or Operation.Session or Operation.DssSignIn or Operation.DssProjectSync) return;
        var started = await Admin.ExecuteAsync(jobs[0]);
        Assert.True((int)started["status"]! == 0, started.ToJsonString(Readable));
        if (row.Operation == Operation.Recover)
        {
            var stopped = await Admin.StopAsync(jobs[0], snapshot: true);
            Assert.True((int)stopped["status"]! == 0, stopped.ToJsonString(Readable));
            savepoint = (string)stopped["data"]!["path"]!;
        }
        if (row.Operation == Operation.MonitorFailed) Linkis.LastEngineConn.Status = "Failed";
    }

    private void Inject()
    {
        var fault = row.Fault switch
        {
            FaultKind.ServerError => LinkisFault.ServerError(503),
            FaultKind.Timeout => LinkisFault.Timeout(),
            FaultKind.MalformedBody => LinkisFault.CarriedOutThenTruncated(),
            // Linkis echoes a token it refuses ("token: <code>"); the host must never pass it on.
            FaultKind.Refusal => LinkisFault.LinkisError($"{RefusalText}, token: {Linkis.Options.TokenCode}"),
            FaultKind.Vanished => LinkisFault.EngineConnVanished(),
            FaultKind.ServerErrorOnce => LinkisFault.ServerError(502),
            FaultKind.TimeoutOnce => LinkisFault.Timeout(),
            FaultKind.Slow => LinkisFault.Latency(TimeSpan.FromMilliseconds(100)),
            _ => throw new ArgumentOutOfRangeException(nameof(row), row.Fault, null),
        };
        int? times = row.Fault is FaultKind.Vanished or FaultKind.ServerErrorOnce or FaultKind.TimeoutOnce ? 1 : null;
        Linkis.Inject(row.Call, fault, times);
    }

    private async Task<Observation> OperateAsync()
    {
        var jobId = jobs[0];
        switch (row.Operation)
        {
            case Operation.Start or Operation.StartFromBml:
                return Envelope(await Admin.ExecuteAsync(jobId));
            case Operation.Stop or Operation.SnapshotAndStop:
                return Envelope(await Admin.StopAsync(jobId, snapshot: row.Operation == Operation.SnapshotAndStop));
            case Operation.Snapshot:
                return Envelope(await Admin.StreamisAsync(HttpMethod.Put, $"{OperationsClient.Jobs}/snapshot/{jobId}"));
            case Operation.Recover:
                return Instance(await Admin.StartAndWaitAsync("recover-from-savepoint", new { jobId, savepointPath = savepoint, user = "admin", checkPermission = false }));
            case Operation.Monitor or Operation.MonitorFailed:
                // A tick waiting to retry an engine is at rest but not done: its end is what the user sees.
                var tick = await Admin.WaitForAnyStatusAsync(await Admin.StartAsync("monitor"), "Completed", "Faulted", "Cancelled");
                var alerts = await host.Alerts.ListAsync(jobId);
                return new Observation(tick.Status() == "Completed", tick.ToJsonString(Readable) + string.Join('\n', alerts.Select(a => a.Message)));
            case Operation.ClientLog or Operation.YarnLog:
                var logType = row.Operation == Operation.ClientLog ? "client" : "yarn";
                var logs = await Admin.StreamisAsync(HttpMethod.Get, $"{OperationsClient.Jobs}/logs?jobId={jobId}&logType={logType}&pageSize=50");
                return new Observation((int)logs["status"]! == 0 && !logs.ToJsonString(Readable).Contains(Placeholder, StringComparison.Ordinal), logs.ToJsonString(Readable));
            case Operation.BulkStart:
                var run = await Admin.BulkDoneAsync(await Admin.BulkAsync(new { operation = "start", jobIds = jobs, parallelism = 2 }));
                return new Observation((int)run["failed"]! == 0, run.ToJsonString(Readable));
            case Operation.Session:
                using (var browser = host.Host.CreateClient())
                {
                    browser.DefaultRequestHeaders.Add("Cookie", $"{LinkisSimulation.SessionCookie}={Linkis.Login("admin")}");
                    using var response = await browser.GetAsync("/api/me");
                    var text = await response.Content.ReadAsStringAsync();
                    Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized, $"{row}: {(int)response.StatusCode} {text}");
                    return new Observation(response.StatusCode == HttpStatusCode.OK, $"HTTP {(int)response.StatusCode}: {text}");
                }
            case Operation.DssSignIn:
                using (var dss = host.Host.CreateClient())
                {
                    var cookies = Uri.EscapeDataString($"{LinkisSimulation.SessionCookie}={Linkis.Login("admin")};workspaceName=ws-faults");
                    using var response = await dss.GetAsync($"/api/me?dssurl={Uri.EscapeDataString("http://dss.example.test:8088")}&cookies={cookies}&workspace=ws-faults");
                    var text = await response.Content.ReadAsStringAsync();
                    Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized or HttpStatusCode.ServiceUnavailable,
                        $"{row}: {(int)response.StatusCode} {text}");
                    return new Observation(response.StatusCode == HttpStatusCode.OK, $"HTTP {(int)response.StatusCode}: {text}");
                }
            case Operation.DssProjectSync:
                return Instance(await Admin.StartAndWaitAsync("dss-project-sync"));
            default:
                throw new ArgumentOutOfRangeException(nameof(row), row.Operation, null);
        }
    }

    private async Task CheckWhatTheUserSawAsync(Observation seen)
    {
        var because = $"{row}: {seen.Message}";
        Assert.DoesNotContain(Linkis.Options.TokenCode, seen.Message, StringComparison.Ordinal);
        switch (row.Expected)
        {
            case Expected.Completes:
                Assert.True(seen.Succeeded, because);
                if (row.Operation is Operation.Session or Operation.DssSignIn)
                    Assert.True(seen.Message.Contains("\"admin\"", StringComparison.Ordinal), $"{because}\nnot signed in as admin");
                await CheckCompletedAsync(because);
                break;
            case Expected.FailsNamingCall:
                Assert.False(seen.Succeeded, because);
                Assert.True(seen.Message.Contains(row.Call, StringComparison.Ordinal), because);
                Assert.True(seen.Message.Contains(Problem(), StringComparison.Ordinal), $"{because}\nmissing: {Problem()}");
                break;
            case Expected.AlertsAndKeepsRunning:
                Assert.True(seen.Succeeded, because);
                Assert.True(seen.Message.Contains(FaultHost.UnreachableAlert, StringComparison.Ordinal), because);
                Assert.True(seen.Message.Contains(row.Call, StringComparison.Ordinal), because);
                Assert.Equal(StreamTaskStatus.Running, (await LatestTaskAsync(jobs[0])).Status);
                break;
            case Expected.Placeholder:
                Assert.False(seen.Succeeded, because);
                Assert.True(seen.Message.Contains(Placeholder, StringComparison.Ordinal), because);
                break;
            case Expected.NotSignedIn:
                Assert.StartsWith("HTTP 401", seen.Message, StringComparison.Ordinal);
                break;
            case Expected.Unavailable:
                Assert.StartsWith("HTTP 503", seen.Message, StringComparison.Ordinal);
                Assert.True(seen.Message.Contains(row.Call, StringComparison.Ordinal), because);
                Assert.True(seen.Message.Contains(Problem(), StringComparison.Ordinal), $"{because}\nmissing: {Problem()}");
                break;
            case Expected.RetriesLater:
                var details = JsonNode.Parse(seen.Message)!.AsObject();
                Assert.True(details.Status() == "Suspended" && details["bookmarks"]!.AsArray().Any(b => (string)b!["name"]! == "Retry"), because);
                var instanceId = (string)details["summary"]!["id"]!;
                // Why it waits is in its journal: the failed attempt's error.
                var journal = await (await Admin.GetAsync($"/api/workflows/instances/{instanceId}/journal")).Content.ReadAsStringAsync();
                Assert.True(journal.Contains(row.Call, StringComparison.Ordinal) && journal.Contains(Problem(), StringComparison.Ordinal), $"{because}\njournal: {journal}");
                Assert.DoesNotContain(Linkis.Options.TokenCode, journal, StringComparison.Ordinal);
                using (var cancelled = await Admin.PostAsync($"/api/workflows/instances/{instanceId}/cancel", null))
                    Assert.True(cancelled.IsSuccessStatusCode, because);
                break;
        }
    }

    /// <summary>What a completed operation leaves behind, beyond its answer.</summary>
    private async Task CheckCompletedAsync(string because)
    {
        var expected = row.Operation switch
        {
            Operation.Start or Operation.StartFromBml or Operation.Recover or Operation.BulkStart or Operation.Snapshot or Operation.ClientLog or Operation.YarnLog => StreamTaskStatus.Running,
            Operation.Stop or Operation.SnapshotAndStop => StreamTaskStatus.Stopped,
            Operation.MonitorFailed => StreamTaskStatus.Failed,
            Operation.Monitor => row.Fault == FaultKind.Vanished ? StreamTaskStatus.Failed : StreamTaskStatus.Running,
            _ => (StreamTaskStatus?)null,
        };
        if (row.Operation == Operation.DssProjectSync)
            Assert.True(await host.Projects.FindAsync(dssProject!) is not null, $"{because}\nproject {dssProject} was not synced");
        if (expected is null) return;
        foreach (var jobId in jobs)
        {
            var task = await LatestTaskAsync(jobId);
            Assert.True(task.Status == expected, $"{because}\ntask {task.Id} is {task.Status} ({task.ErrDesc}), expected {expected}");
        }
        if (row is { Operation: Operation.Monitor, Fault: FaultKind.Vanished })
            Assert.Contains("Not exists EngineConn", (await LatestTaskAsync(jobs[0])).ErrDesc ?? "", StringComparison.Ordinal);
    }

    /// <summary>How the message must describe the fault.</summary>
    private string Problem() => row.Fault switch
    {
        FaultKind.ServerError => "HTTP 503",
        FaultKind.ServerErrorOnce => "HTTP 502",
        FaultKind.Timeout or FaultKind.TimeoutOnce => "did not answer",
        FaultKind.MalformedBody => "not a Linkis message",
        FaultKind.Refusal => RefusalText,
        FaultKind.Vanished => "Not exists EngineConn",
        _ => "",
    };

    /// <summary>No task left in Starting or Stopping, no job launched twice for one task, no EngineConn without its task, no savepoint unrecorded.</summary>
    private async Task CheckStateAgreesAsync()
    {
        var newTasks = 0;
        var running = new List<JobHandle>();
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var jobId in jobs)
        {
            var tasks = await host.Tasks.ListAsync(jobId);
            newTasks += tasks.Count - tasksBefore[jobId];
            Assert.All(tasks, t => Assert.True(t.Status is not (StreamTaskStatus.Starting or StreamTaskStatus.Stopping),
                $"{row}: task {t.Id} was left {t.Status}"));
            running.AddRange(tasks.Where(t => t.Status == StreamTaskStatus.Running && t.Handle is not null).Select(t => t.Handle!));
            foreach (var state in await host.States.ListAsync(jobId)) recorded.Add(state.State.Location);
        }
        var creates = Linkis.RequestsTo(LinkisCalls.CreateEngineConn).Count;
        Assert.True(creates <= newTasks, $"{row}: {creates} createEngineConn call(s) for {newTasks} new task(s)");

        // When Linkis' answer to a create or a savepoint is lost, the host cannot know what Linkis made of it.
        var answerLost = row.Fault is FaultKind.MalformedBody or FaultKind.Timeout or FaultKind.TimeoutOnce;
        if (!(answerLost && row.Call == LinkisCalls.CreateEngineConn))
        {
            foreach (var engineConn in Linkis.EngineConns.Where(e => e.Number > engineConnsBefore && !e.Killed && !e.Lost && e.Status is not ("Success" or "Failed")))
                Assert.True(running.Any(h => h.Id.EndsWith(engineConn.Instance, StringComparison.Ordinal)),
                    $"{row}: EngineConn {engineConn.Instance} runs on with no Running task holding it");
        }
        if (!(answerLost && row.Call == LinkisCalls.Savepoint))
        {
            foreach (var written in Linkis.Files.FilesUnder(SavepointRoot).Where(f => !savepointsBefore.Contains(f)))
            {
                var folder = written[..written.LastIndexOf('/')];
                Assert.True(recorded.Contains(folder), $"{row}: savepoint {folder} was written but not recorded");
            }
        }
    }

    private async Task StopWhatStillRunsAsync()
    {
        foreach (var jobId in jobs)
        {
            if ((await host.Tasks.GetLatestAsync(jobId))?.Status == StreamTaskStatus.Running) await Admin.StopAsync(jobId, snapshot: false);
        }
    }

    private async Task<Streamis.Workflows.StreamJobs.Models.StreamTask> LatestTaskAsync(long jobId) =>
        await host.Tasks.GetLatestAsync(jobId) ?? throw new InvalidOperationException($"{row}: job {jobId} has no task");

    private static Observation Envelope(JsonObject answer) => new((int)answer["status"]! == 0, answer.ToJsonString(Readable));

    private static Observation Instance(JsonObject details) => new(details.Status() == "Completed", details.ToJsonString(Readable));
}
