using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Streamis.Workflows.Plugins.Local.Protocol;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.Sdk.Errors;

namespace Streamis.Workflows.Plugins.Local;

/// <summary>
/// Runs <c>local</c> jobs as runner processes on this machine. Everything it knows about a task is in the task's
/// folder and its handle, never only in memory, so any instance (after a host restart too) can report on, snapshot
/// and stop a task another instance launched.
/// </summary>
public sealed class LocalJobLauncher : IJobLauncher
{
    public const string EngineName = "local";
    public const string JobType = "local";
    public const string ResourceFolder = "resources";

    // One launch at a time in this process, so two retries of one execution cannot both start a runner.
    private static readonly SemaphoreSlim LaunchGate = new(1, 1);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly LocalEngineOptions options;
    private readonly LocalEngineLayout layout;
    private readonly ILogger logger;

    public LocalJobLauncher(LocalEngineOptions options, ILogger<LocalJobLauncher>? logger = null)
    {
        this.options = options;
        layout = new LocalEngineLayout(options.DataDirectory);
        this.logger = logger ?? NullLogger<LocalJobLauncher>.Instance;
    }

    public string Engine => EngineName;

    public IReadOnlyCollection<string> JobTypes { get; } = [JobType];

    public async Task<JobHandle> LaunchAsync(JobLaunchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(request.JobType, JobType, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"The Local engine runs jobs of type '{JobType}', not '{request.JobType}'.");
        if (string.IsNullOrWhiteSpace(request.ExecutionId))
            throw new ArgumentException("A launch needs an execution id, so that a repeated launch does not start the job twice.");
        var content = LocalJobContent.Parse(request.JobContentJson);
        var taskKey = TaskKeyOf(request);
        var workDirectory = layout.TaskDirectory(request.JobId, taskKey);

        LocalTaskRecord record;
        RunnerProcess runner;
        await LaunchGate.WaitAsync(cancellationToken);
        try
        {
            if (LocalTaskRecord.TryRead(workDirectory) is { } existing)
            {
                if (existing.ExecutionId == request.ExecutionId)
                {
                    logger.LogInformation("Local task {TaskKey} of job {JobId} was already launched by execution {ExecutionId}; returning its handle", taskKey, request.JobId, request.ExecutionId);
                    return existing.ToHandle();
                }
                throw new InvalidOperationException($"Task {taskKey} of job {request.JobId} was already launched by execution {existing.ExecutionId}; a task is launched once.");
            }
            var restoreFrom = request.RestoreFrom is { Length: > 0 } from ? CheckRestoreState(request.JobId, from) : null;
            if (!File.Exists(options.RunnerPath))
                throw new InvalidOperationException($"The Local engine's runner is missing: {options.RunnerPath}. Rebuild the plugin, or set Plugins:local:RunnerPath.");

            var settings = new RunnerSettings(
                request.JobId, taskKey, content.Rate, content.CheckpointIntervalSeconds, content.RetainedCheckpoints, content.MaxEvents,
                workDirectory, layout.OutputFile(request.JobId), layout.CheckpointDirectory(request.JobId, taskKey),
                layout.SavepointDirectory(request.JobId, taskKey), restoreFrom, Resources: CopyResources(request, content, workDirectory));
            if (options.StopJobsWithHost)
            {
                using var host = Process.GetCurrentProcess();
                settings = settings with { WatchProcessId = host.Id, WatchProcessStartTime = ProcessIdentity.StartTimeOf(host) };
            }
            Directory.CreateDirectory(Path.Combine(workDirectory, RunnerFiles.ControlFolder));
            var settingsPath = Path.Combine(workDirectory, RunnerFiles.Settings);
            RunnerFiles.WriteJsonAtomic(settingsPath, settings);

            runner = RunnerProcess.Start(RunnerProcess.ResolveDotnet(options.DotnetPath), options.RunnerPath, settingsPath, workDirectory);
            try
            {
                record = new LocalTaskRecord(
                    request.ExecutionId, request.JobId, taskKey, runner.Process.Id, ProcessIdentity.StartTimeOf(runner.Process), workDirectory,
                    settings.OutputFile, settings.CheckpointDirectory, settings.SavepointDirectory, content.Rate, DateTimeOffset.UtcNow);
                RunnerFiles.WriteJsonAtomic(Path.Combine(workDirectory, LocalTaskRecord.FileName), record);
            }
            catch
            {
                // Without its record nobody could find the process again; better no task than an orphan.
                runner.Process.Kill(entireProcessTree: true);
                throw;
            }
        }
        finally
        {
            LaunchGate.Release();
        }
        logger.LogInformation("Launched local task {TaskKey} of job {JobId} as process {ProcessId}{Restore}", taskKey, request.JobId, record.ProcessId,
            request.RestoreFrom is { Length: > 0 } state ? $", restoring from {state}" : "");
        await WaitUntilStartedAsync(record, runner, cancellationToken);
        return record.ToHandle();
    }

    public Task<JobStatusReport> GetStatusAsync(JobHandle handle, CancellationToken cancellationToken) =>
        Task.FromResult(ReadStatus(LocalTaskRecord.FromHandle(handle)));

    public async Task<JobState> TriggerSavepointAsync(JobHandle handle, string? directory, CancellationToken cancellationToken)
    {
        var task = LocalTaskRecord.FromHandle(handle);
        var folder = SavepointFolder(task, directory);
        if (!IsRunning(task))
            throw new InvalidOperationException($"The {task.Describe()} is not running ({ReadStatus(task).Status}); a savepoint needs a running task.");
        var result = await SendAsync(task, ControlCommand.Savepoint, folder, cancellationToken);
        return SavepointAt(result.Location!);
    }

    public async Task<JobState?> StopAsync(JobHandle handle, StopMode mode, string? savepointDirectory, CancellationToken cancellationToken)
    {
        var task = LocalTaskRecord.FromHandle(handle);
        var folder = mode == StopMode.Direct ? null : SavepointFolder(task, savepointDirectory);
        if (!IsRunning(task)) return AlreadyEnded(task, mode);

        switch (mode)
        {
            case StopMode.Direct:
                WriteStop(task, mode, null);
                await KillAsync(task, cancellationToken);
                logger.LogInformation("Stopped the {Task} (direct stop)", task.Describe());
                return null;
            case StopMode.SavepointThenStop:
            {
                var result = await SendAsync(task, ControlCommand.Savepoint, folder, cancellationToken);
                WriteStop(task, mode, result.Location);
                await KillAsync(task, cancellationToken);
                logger.LogInformation("Stopped the {Task} after savepoint {Savepoint}", task.Describe(), result.Location);
                return SavepointAt(result.Location!);
            }
            default:
            {
                var result = await SendAsync(task, ControlCommand.StopWithSavepoint, folder, cancellationToken);
                if (!await WaitUntilGoneAsync(task, options.StopTimeout, cancellationToken))
                {
                    // It answered, so the savepoint is good; a runner slow to exit after that is simply ended.
                    WriteStop(task, mode, result.Location);
                    await KillAsync(task, cancellationToken);
                }
                logger.LogInformation("Stopped the {Task} with savepoint {Savepoint}", task.Describe(), result.Location);
                return SavepointAt(result.Location!);
            }
        }
    }

    /// <summary>A task id when there is one; otherwise a key derived from the execution, so a repeated launch finds the same folder.</summary>
    private static string TaskKeyOf(JobLaunchRequest request) =>
        request.TaskId > 0
            ? request.TaskId.ToString(CultureInfo.InvariantCulture)
            : "x" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.ExecutionId)))[..12];

    /// <summary>
    /// The files the content names, copied into the task's folder from the launch's files (the version's, or the project's
    /// the host resolved): the task keeps what it was launched with when a project file is replaced or deleted later.
    /// </summary>
    private static List<string> CopyResources(JobLaunchRequest request, LocalJobContent content, string workDirectory)
    {
        var copies = new List<string>();
        foreach (var name in content.Resources)
        {
            if (Path.GetFileName(name) != name || name is "." or "..")
                throw new ArgumentException($"jobContent.resources names '{name}', which is not a plain file name.");
            var file = request.Resources.FirstOrDefault(r => r.FileName == name)
                ?? throw new ArgumentException($"jobContent.resources names '{name}', which is neither a file of version {request.Version} nor a resource file of project {request.ProjectName}.");
            if (!File.Exists(file.LocalPath))
                throw new InvalidOperationException($"The host's copy of '{name}' (version {file.Version}) is missing: {file.LocalPath}.");
            var copy = Path.Combine(workDirectory, ResourceFolder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file.LocalPath, copy, overwrite: true);
            copies.Add(copy);
        }
        return copies;
    }

    private string CheckRestoreState(long jobId, string location)
    {
        var metadata = layout.ResolveState(jobId, location);
        if (!File.Exists(metadata))
            throw new ArgumentException($"The state to restore from, '{location}', does not exist (no {RunnerFiles.Metadata} at {metadata}).");
        return metadata;
    }

    private string SavepointFolder(LocalTaskRecord task, string? directory) =>
        string.IsNullOrWhiteSpace(directory) ? task.SavepointDirectory : layout.Resolve(task.JobId, directory, "savepoint directory");

    private async Task WaitUntilStartedAsync(LocalTaskRecord task, RunnerProcess runner, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < options.StartTimeout)
        {
            if (ReadExit(task) is { } exit)
            {
                if (exit.Status == RunnerExit.Failed) throw new InvalidOperationException($"The {task.Describe()} failed to start: {exit.Message}");
                return;
            }
            if (File.Exists(Path.Combine(task.WorkDirectory, RunnerFiles.Status))) return;
            if (runner.Process.HasExited && ReadExit(task) is null)
            {
                var printed = runner.ExitOutput();
                if (printed.Length > 0) await File.AppendAllTextAsync(task.LogFile, printed + Environment.NewLine, cancellationToken);
                throw new InvalidOperationException(
                    $"The {task.Describe()} failed to start: its process exited with code {runner.Process.ExitCode}. {(printed.Length > 0 ? printed : "It printed nothing; see " + task.LogFile)}");
            }
            await Task.Delay(PollInterval, cancellationToken);
        }
        logger.LogWarning("The {Task} has not started within {Timeout}; it is reported as starting", task.Describe(), options.StartTimeout);
    }

    private JobStatusReport ReadStatus(LocalTaskRecord task)
    {
        if (ReadExit(task) is { } exit) return Report(task, Ended(exit), exit.Message);
        if (ProcessIdentity.IsAlive(task.ProcessId, task.ProcessStartTime))
        {
            var progress = RunnerFiles.TryReadJson<RunnerStatus>(Path.Combine(task.WorkDirectory, RunnerFiles.Status));
            if (ReadStop(task) is { } stopping) return Report(task, StreamTaskStatus.Stopping, $"Stopping ({stopping.Mode}).", progress);
            return progress is { EventsWritten: > 0 }
                ? Report(task, StreamTaskStatus.Running, null, progress)
                : Report(task, StreamTaskStatus.Starting, "Started; no event written yet.", progress);
        }
        // It may have recorded its exit between the first look and the liveness check.
        if (ReadExit(task) is { } late) return Report(task, Ended(late), late.Message);
        if (ReadStop(task) is { } stop)
            return Report(task, StreamTaskStatus.Stopped, stop.Savepoint is null ? $"Stopped ({stop.Mode})." : $"Stopped ({stop.Mode}) after savepoint {stop.Savepoint}.");
        return Report(task, StreamTaskStatus.Failed,
            $"The runner process {task.ProcessId} ended without recording why (killed outside the host, or crashed); see {task.LogFile}.");
    }

    private static StreamTaskStatus Ended(RunnerExit exit) => exit.Status switch
    {
        RunnerExit.Stopped => StreamTaskStatus.Stopped,
        RunnerExit.Completed => StreamTaskStatus.Completed,
        _ => StreamTaskStatus.Failed,
    };

    private static JobStatusReport Report(LocalTaskRecord task, StreamTaskStatus status, string? message, RunnerStatus? progress = null)
    {
        progress ??= RunnerFiles.TryReadJson<RunnerStatus>(Path.Combine(task.WorkDirectory, RunnerFiles.Status));
        var metrics = new Dictionary<string, string>
        {
            ["pid"] = task.ProcessId.ToString(CultureInfo.InvariantCulture),
            ["rate"] = task.Rate.ToString(CultureInfo.InvariantCulture),
            ["output"] = task.OutputFile,
        };
        if (progress is not null)
        {
            metrics["eventsWritten"] = progress.EventsWritten.ToString(CultureInfo.InvariantCulture);
            metrics["lastSequence"] = progress.LastSequence.ToString(CultureInfo.InvariantCulture);
            metrics["eventsPerSecond"] = progress.EventsPerSecond.ToString("0.0", CultureInfo.InvariantCulture);
            metrics["checkpoints"] = progress.Checkpoints.ToString(CultureInfo.InvariantCulture);
            if (progress.LastCheckpoint is { } checkpoint) metrics["lastCheckpoint"] = checkpoint;
        }
        return new JobStatusReport(status, message, $"local-{task.JobId}-{task.TaskKey}", new Uri(task.WorkDirectory).AbsoluteUri, metrics);
    }

    private static bool IsRunning(LocalTaskRecord task) =>
        ReadExit(task) is null && ProcessIdentity.IsAlive(task.ProcessId, task.ProcessStartTime);

    /// <summary>
    /// Stopping a task that has ended is a success. A repeated snapshot-and-stop (a retry after a crash) gets the
    /// savepoint the first one took, so its result is not lost.
    /// </summary>
    private JobState? AlreadyEnded(LocalTaskRecord task, StopMode mode)
    {
        logger.LogInformation("The {Task} has already ended; nothing to stop", task.Describe());
        if (mode == StopMode.Direct) return null;
        var savepoint = ReadExit(task)?.Savepoint ?? ReadStop(task)?.Savepoint;
        return savepoint is not null && File.Exists(savepoint) ? SavepointAt(savepoint) : null;
    }

    private async Task<ControlResult> SendAsync(LocalTaskRecord task, string kind, string? folder, CancellationToken cancellationToken)
    {
        var control = Path.Combine(task.WorkDirectory, RunnerFiles.ControlFolder);
        Directory.CreateDirectory(control);
        var command = new ControlCommand(ControlCommand.NewId(), kind, folder);
        var commandFile = Path.Combine(control, command.Id + RunnerFiles.CommandSuffix);
        var resultFile = Path.Combine(control, command.Id + RunnerFiles.ResultSuffix);
        RunnerFiles.WriteJsonAtomic(commandFile, command);
        var answered = false;
        try
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < options.CommandTimeout)
            {
                var result = RunnerFiles.TryReadJson<ControlResult>(resultFile);
                if (result is null && !ProcessIdentity.IsAlive(task.ProcessId, task.ProcessStartTime))
                {
                    result = RunnerFiles.TryReadJson<ControlResult>(resultFile)
                        ?? throw new InvalidOperationException($"The {task.Describe()} ended before answering the {kind} request; see {task.LogFile}.");
                }
                if (result is not null)
                {
                    answered = true;
                    File.Delete(resultFile);
                    return result.Ok
                        ? result
                        : throw new InvalidOperationException($"The {task.Describe()} could not take the {kind}: {result.Error}");
                }
                await Task.Delay(PollInterval, cancellationToken);
            }
            throw new TransientException(string.Create(CultureInfo.InvariantCulture,
                $"The Local engine's runner of the {task.DescribeProcess()} did not answer the {kind} request within {options.CommandTimeout.TotalSeconds:0.#} s; it may be overloaded, try again."));
        }
        finally
        {
            // A request nobody waits for any more must not be carried out later by a runner that catches up.
            if (!answered) TryDelete(commandFile);
        }
    }

    private async Task KillAsync(LocalTaskRecord task, CancellationToken cancellationToken)
    {
        ProcessIdentity.Kill(task.ProcessId, task.ProcessStartTime);
        if (!await WaitUntilGoneAsync(task, options.StopTimeout, cancellationToken))
            throw new TransientException(string.Create(CultureInfo.InvariantCulture,
                $"The {task.DescribeProcess()} was killed but had not ended after {options.StopTimeout.TotalSeconds:0.#} s; try the stop again."));
    }

    private static async Task<bool> WaitUntilGoneAsync(LocalTaskRecord task, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (ProcessIdentity.IsAlive(task.ProcessId, task.ProcessStartTime))
        {
            if (clock.Elapsed >= timeout) return false;
            await Task.Delay(PollInterval, cancellationToken);
        }
        return true;
    }

    private static JobState SavepointAt(string location) =>
        new(JobStateKind.Savepoint, location, new DateTimeOffset(File.GetLastWriteTimeUtc(location), TimeSpan.Zero));

    private static RunnerExit? ReadExit(LocalTaskRecord task) =>
        RunnerFiles.TryReadJson<RunnerExit>(Path.Combine(task.WorkDirectory, RunnerFiles.Exit));

    private static StopRecord? ReadStop(LocalTaskRecord task) =>
        RunnerFiles.TryReadJson<StopRecord>(Path.Combine(task.WorkDirectory, StopRecord.FileName));

    private static void WriteStop(LocalTaskRecord task, StopMode mode, string? savepoint) =>
        RunnerFiles.WriteJsonAtomic(Path.Combine(task.WorkDirectory, StopRecord.FileName), new StopRecord(mode.ToString(), savepoint, DateTimeOffset.UtcNow));

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Already taken by the runner, or the folder is gone: either way nothing is left to withdraw.
        }
    }
}
