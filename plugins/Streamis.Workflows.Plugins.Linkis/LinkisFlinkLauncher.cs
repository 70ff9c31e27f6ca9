using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Streamis.Workflows.Plugins.Linkis.Gateway;
using Streamis.Workflows.Plugins.Linkis.Launch;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Linkis;

/// <summary>
/// The <c>linkis-flink</c> engine: launches <c>flink.sql</c> and <c>flink.jar</c> jobs as once-mode Flink EngineConns
/// (upload the content to BML, <c>createEngineConn</c>, wait until it runs, ask for its YARN application), reads their
/// status, snapshots and stops them. A handle holds all it needs, so any host node can pick a task up later.
/// </summary>
public sealed class LinkisFlinkLauncher : IJobLauncher
{
    public const string EngineName = LinkisHandle.Engine;
    public const string SqlJobType = "flink.sql";
    public const string JarJobType = "flink.jar";

    /// <summary>
    /// Launches of this process whose EngineConn exists but whose handle was not returned yet (the wait failed), by
    /// execution id, so that a retried launch waits for that EngineConn instead of creating a second one.
    /// </summary>
    private readonly ConcurrentDictionary<string, LinkisHandle> created = new(StringComparer.Ordinal);

    private readonly LinkisOptions options;
    private readonly LinkisManagerClient manager;
    private readonly BmlClient bml;
    private readonly LaunchRequestBuilder builder;
    private readonly IReadOnlyList<IApplicationReporter> reporters;
    private readonly ResiliencePipeline applicationInfo;
    private readonly ILogger logger;

    internal LinkisFlinkLauncher(LinkisOptions options, LinkisGateway gateway, IEnumerable<IApplicationReporter>? reporters = null, ILogger<LinkisFlinkLauncher>? logger = null)
    {
        this.options = options;
        manager = new LinkisManagerClient(gateway, options);
        bml = new BmlClient(gateway);
        builder = new LaunchRequestBuilder(options);
        this.reporters = reporters?.Where(r => string.Equals(r.Engine, EngineName, StringComparison.OrdinalIgnoreCase)).ToList() ?? [];
        this.logger = logger ?? NullLogger<LinkisFlinkLauncher>.Instance;
        // The EngineConn answers with its YARN application only once Flink has submitted it: ask again, waiting longer each time.
        applicationInfo = options.ApplicationInfoAttempts <= 1
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.ApplicationInfoAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                Delay = options.ApplicationInfoDelay,
                MaxDelay = options.ApplicationInfoMaxDelay,
                ShouldHandle = new PredicateBuilder().Handle<LinkisException>(e => e is not EngineConnNotFoundException).Handle<LinkisUnavailableException>(),
            }).Build();
    }

    public string Engine => EngineName;

    public IReadOnlyCollection<string> JobTypes { get; } = [SqlJobType, JarJobType];

    public async Task<JobHandle> LaunchAsync(JobLaunchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        JobContentLoader.Check(request);
        if (string.IsNullOrWhiteSpace(request.ExecutionId))
            throw new ArgumentException("A launch needs an execution id, so that a repeated launch does not start the job twice.");
        if (string.IsNullOrWhiteSpace(request.SubmitUser)) throw new ArgumentException("A launch needs the job's submit user: Linkis runs the EngineConn as that user.");

        if (!created.TryGetValue(request.ExecutionId, out var handle))
        {
            // Linkis cannot find an EngineConn by anything the launch sent: one that may exist is never created again.
            if (request.MayAlreadyRun)
                throw new InvalidOperationException($"Task {request.TaskId} of job {request.JobId} may already run on Linkis: its launch was under way when the host " +
                    $"stopped, before Linkis' answer was recorded. It is not launched again, so that the job never runs twice; an EngineConn described as " +
                    $"\"… task {request.TaskId}\" would be it.");
            handle = await CreateAsync(request, cancellationToken).ConfigureAwait(false);
            created[request.ExecutionId] = handle;
            if (request.Accepted is { } accepted) await accepted(handle.ToJobHandle(), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            logger.LogInformation("Launch {ExecutionId} already created EngineConn {EngineConn}; waiting for it instead of creating another", request.ExecutionId, handle.EngineConn);
        }
        await WaitUntilStartedAsync(handle, cancellationToken).ConfigureAwait(false);
        handle = await WithApplicationAsync(handle, cancellationToken).ConfigureAwait(false);
        // Once the caller has the handle, the caller remembers the launch.
        created.TryRemove(request.ExecutionId, out _);
        return handle.ToJobHandle();
    }

    public async Task<JobStatusReport> GetStatusAsync(JobHandle handle, CancellationToken cancellationToken)
    {
        var task = LinkisHandle.FromJobHandle(handle);
        string nodeStatus;
        try
        {
            nodeStatus = await manager.GetNodeStatusAsync(task.EngineConn, task.User, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineConnNotFoundException)
        {
            return await CrossCheckAsync(handle, task, new JobStatusReport(StreamTaskStatus.Failed, "Not exists EngineConn.", task.ApplicationId, task.ApplicationUrl,
                Metrics("NotExists")), cancellationToken).ConfigureAwait(false);
        }
        catch (LinkisException e)
        {
            // As in Streamis' monitor: anything but a vanished EngineConn says nothing about the job, so the status stays as it was.
            throw new LinkisUnavailableException(e.Call, $"The status of once-job {task.OnceJobId} could not be read: {e.Message}", e);
        }
        var status = NodeStatusMap.ToTaskStatus(nodeStatus)
            ?? throw new LinkisException("getEngineConn", $"EngineConn {task.EngineConn} reports nodeStatus '{nodeStatus}', which is not a Linkis node status this engine knows.");
        if (status == StreamTaskStatus.Running && task.ApplicationId is null) task = await TryWithApplicationAsync(task, cancellationToken).ConfigureAwait(false);
        var report = new JobStatusReport(status, status == StreamTaskStatus.Running ? null : $"EngineConn {task.EngineConn} is {nodeStatus}.",
            task.ApplicationId, task.ApplicationUrl, Metrics(nodeStatus));
        return status == StreamTaskStatus.Failed ? await CrossCheckAsync(handle, task, report, cancellationToken).ConfigureAwait(false) : report;
    }

    public async Task<JobState> TriggerSavepointAsync(JobHandle handle, string? directory, CancellationToken cancellationToken)
    {
        var task = LinkisHandle.FromJobHandle(handle);
        // A snapshot without a stop is always "trigger": cancel or stop would end the job.
        return await SavepointAsync(task, directory, "trigger", cancellationToken).ConfigureAwait(false);
    }

    public async Task<JobState?> StopAsync(JobHandle handle, StopMode mode, string? savepointDirectory, CancellationToken cancellationToken)
    {
        var task = LinkisHandle.FromJobHandle(handle);
        JobState? savepoint = null;
        if (mode != StopMode.Direct)
        {
            try
            {
                savepoint = await SavepointAsync(task, savepointDirectory, mode == StopMode.StopWithSavepoint ? "stop" : options.SavepointMode, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (EngineConnNotFoundException)
            {
                logger.LogInformation("Once-job {OnceJobId} has already ended; nothing to snapshot or stop", task.OnceJobId);
                return null;
            }
        }
        // Always killed, as in Streamis: the once EngineConn then cancels the Flink job and closes its YARN application.
        bool killed;
        try
        {
            killed = await manager.KillAsync(task.EngineConn, task.User, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (savepoint is not null && e is LinkisException or LinkisUnavailableException)
        {
            // The savepoint exists whatever becomes of the stop: the host records it from here.
            SavepointTaken.Attach(e, savepoint);
            throw;
        }
        logger.LogInformation("Stopped once-job {OnceJobId} ({Mode}){Already}{Savepoint}", task.OnceJobId, mode, killed ? "" : ", its EngineConn was already gone",
            savepoint is null ? "" : " after savepoint " + savepoint.Location);
        return savepoint;
    }

    private async Task<LinkisHandle> CreateAsync(JobLaunchRequest request, CancellationToken cancellationToken)
    {
        var user = request.SubmitUser;
        var content = await new JobContentLoader(bml).LoadAsync(request, user, cancellationToken).ConfigureAwait(false);
        var plan = builder.Build(request, content);
        var executorContent = await bml.UploadAsync(Encoding.UTF8.GetBytes(plan.ExecutorContent.ToJsonString()), null, user, cancellationToken).ConfigureAwait(false);
        if (request.Launching is { } launching) await launching(cancellationToken).ConfigureAwait(false);
        var engineConn = await manager.CreateAsync(builder.CreateBody(plan, executorContent, request), user, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Created EngineConn {EngineConn} (ticket {TicketId}, {NodeStatus}) for task {TaskId} of job {JobId} ({LaunchName}) as {User}",
            engineConn.EngineConn, engineConn.TicketId, engineConn.NodeStatus, request.TaskId, request.JobId, plan.LaunchName, user);
        return new LinkisHandle(engineConn.TicketId, engineConn.EngineConn, engineConn.Manager, user,
            LaunchName: plan.LaunchName, SavepointDirectory: plan.SavepointDirectory, CheckpointDirectory: plan.CheckpointDirectory);
    }

    /// <summary>
    /// Waits until the EngineConn runs or has completed, as the Linkis client does, but not forever: past the launch
    /// time-out, once it has failed, or when Linkis refuses to tell its status, it is killed so that no orphan holds
    /// YARN resources while its task is recorded Failed, and the launch fails. A status Linkis cannot give for now is
    /// asked again until the launch time-out.
    /// </summary>
    private async Task WaitUntilStartedAsync(LinkisHandle task, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string nodeStatus;
        while (true)
        {
            try
            {
                nodeStatus = await manager.GetNodeStatusAsync(task.EngineConn, task.User, cancellationToken).ConfigureAwait(false);
            }
            catch (EngineConnNotFoundException e)
            {
                ForgetLaunchOf(task);
                throw new LinkisException("getEngineConn", $"EngineConn {task.EngineConn} of once-job {task.OnceJobId} vanished while starting (getEngineConn: {e.LinkisMessage})", inner: e);
            }
            catch (LinkisUnavailableException e) when (clock.Elapsed < options.LaunchTimeout)
            {
                logger.LogWarning("The status of starting EngineConn {EngineConn} could not be read; asking again: {Reason}", task.EngineConn, e.Message);
                await Task.Delay(options.StatusPollInterval, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (Exception e) when (e is LinkisException or LinkisUnavailableException)
            {
                throw await AbandonAsync(task, $"its status could not be read ({e.Message})", cancellationToken).ConfigureAwait(false);
            }
            if (NodeStatusMap.HasStarted(nodeStatus)) break;
            if (clock.Elapsed >= options.LaunchTimeout)
                throw await AbandonAsync(task, $"was still {nodeStatus} after {options.LaunchTimeout.TotalSeconds:0.#} s", cancellationToken).ConfigureAwait(false);
            await Task.Delay(options.StatusPollInterval, cancellationToken).ConfigureAwait(false);
        }
        if (NodeStatusMap.ToTaskStatus(nodeStatus) == StreamTaskStatus.Failed)
        {
            ForgetLaunchOf(task);
            await manager.KillAsync(task.EngineConn, task.User, cancellationToken).ConfigureAwait(false);
            throw new LinkisException("getEngineConn",
                $"EngineConn {task.EngineConn} of once-job {task.OnceJobId} is {nodeStatus} right after its launch (提交流式应用状态失败, 请检查日志); see its client log.");
        }
    }

    /// <summary>
    /// Gives a starting EngineConn up: kills it (best effort: the launch fails either way, and says whether the kill
    /// worked) and returns the refusal to throw, never transient, since a retried launch would create another.
    /// </summary>
    private async Task<LinkisException> AbandonAsync(LinkisHandle task, string why, CancellationToken cancellationToken)
    {
        ForgetLaunchOf(task);
        string outcome;
        try
        {
            await manager.KillAsync(task.EngineConn, task.User, cancellationToken).ConfigureAwait(false);
            outcome = "it was killed.";
        }
        catch (Exception e) when (e is LinkisException or LinkisUnavailableException)
        {
            outcome = $"it could not be killed either, kill it in Linkis: {e.Message}";
        }
        return new LinkisException("getEngineConn", $"EngineConn {task.EngineConn} of once-job {task.OnceJobId} {why}; {outcome}");
    }

    /// <summary>A launch whose EngineConn is dead or killed is over: trying it again must create a new one.</summary>
    private void ForgetLaunchOf(LinkisHandle task)
    {
        foreach (var (executionId, handle) in created)
        {
            if (handle.TicketId == task.TicketId) created.TryRemove(executionId, out _);
        }
    }

    private async Task<LinkisHandle> WithApplicationAsync(LinkisHandle task, CancellationToken cancellationToken)
    {
        try
        {
            var (id, url) = await applicationInfo.ExecuteAsync(
                async token => await manager.GetApplicationAsync(task.EngineConn, task.User, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return task with { ApplicationId = id, ApplicationUrl = url };
        }
        catch (Exception e) when (e is LinkisException or LinkisUnavailableException)
        {
            // The job runs; only its YARN address is unknown for now. Status reads ask again.
            logger.LogWarning("Once-job {OnceJobId} runs, but its YARN application is unknown after {Attempts} attempt(s): {Reason}",
                task.OnceJobId, options.ApplicationInfoAttempts, e.Message);
            return task;
        }
    }

    private async Task<LinkisHandle> TryWithApplicationAsync(LinkisHandle task, CancellationToken cancellationToken)
    {
        try
        {
            var (id, url) = await manager.GetApplicationAsync(task.EngineConn, task.User, cancellationToken).ConfigureAwait(false);
            return task with { ApplicationId = id, ApplicationUrl = url };
        }
        catch (Exception e) when (e is LinkisException or LinkisUnavailableException)
        {
            return task;
        }
    }

    private async Task<JobState> SavepointAsync(LinkisHandle task, string? directory, string mode, CancellationToken cancellationToken)
    {
        if (!options.LinkisVersion.HasSavepointOperation)
            throw new LinkisException("doSavepoint",
                $"Linkis {options.LinkisVersion} has no doSavepoint operation on Flink EngineConns (it came with 1.1.2): stop once-job {task.OnceJobId} directly, or upgrade Linkis.");
        var folder = string.IsNullOrWhiteSpace(directory) ? task.SavepointDirectory : directory.Trim();
        if (folder is null)
            throw new ArgumentException($"The handle of once-job {task.OnceJobId} does not say where its savepoints go; name a savepoint folder.");
        var location = await manager.SavepointAsync(task.EngineConn, folder, mode, task.User, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Once-job {OnceJobId} wrote savepoint {Savepoint} (mode {Mode})", task.OnceJobId, location, mode);
        return new JobState(JobStateKind.Savepoint, location, DateTimeOffset.UtcNow);
    }

    /// <summary>When Linkis calls the EngineConn failed, YARN may know better (apache/linkis #1996): its final word wins, and both are shown.</summary>
    private async Task<JobStatusReport> CrossCheckAsync(JobHandle handle, LinkisHandle task, JobStatusReport report, CancellationToken cancellationToken)
    {
        if (task.ApplicationId is null) return report;
        foreach (var reporter in reporters)
        {
            ApplicationReport? application;
            try
            {
                application = await reporter.GetReportAsync(handle, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("YARN could not be asked about {ApplicationId} of once-job {OnceJobId}: {Reason}", task.ApplicationId, task.OnceJobId, e.Message);
                continue;
            }
            if (application is null) continue;
            var metrics = new Dictionary<string, string>(report.Metrics ?? new Dictionary<string, string>())
            {
                ["yarnState"] = application.State,
                ["yarnFinalStatus"] = application.FinalStatus ?? "",
            };
            var status = application.Status ?? report.Status;
            var message = status == report.Status
                ? $"{report.Message} YARN application {application.ApplicationId} is {application.State}/{application.FinalStatus}."
                : $"Linkis reports the EngineConn failed, but YARN application {application.ApplicationId} ended {application.State}/{application.FinalStatus}: shown as {status}.";
            return report with { Status = status, Message = message, ApplicationUrl = report.ApplicationUrl ?? application.TrackingUrl, Metrics = metrics };
        }
        return report;
    }

    private static Dictionary<string, string> Metrics(string nodeStatus) => new() { ["linkisNodeStatus"] = nodeStatus };
}
