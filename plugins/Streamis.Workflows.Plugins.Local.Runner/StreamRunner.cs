using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Streamis.Workflows.Plugins.Local.Protocol;

namespace Streamis.Workflows.Plugins.Local.Runner;

/// <summary>
/// A stream that numbers events at a fixed rate and appends one line per event to the job's output. One thread does
/// everything (write, checkpoint, savepoint, answer commands), so every state it records describes exactly the
/// lines on disk at that moment: restoring truncates the output back to that length and continues at the next
/// number, which is what makes a stop and restore, or a kill and restore, leave no gap and no duplicate.
/// </summary>
internal sealed class StreamRunner(RunnerSettings settings, RunnerLog log)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan StatusInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(1);

    private readonly Stopwatch clock = new();
    private volatile string? terminateReason;
    private FileStream? output;
    private StreamWriter? writer;
    private DateTimeOffset startedAt;
    private long firstSequence;
    private long lastSequence;
    private long eventsWritten;
    private long checkpointId;
    private int checkpoints;
    private string? lastCheckpoint;

    private string ControlFolder => Path.Combine(settings.WorkDirectory, RunnerFiles.ControlFolder);

    /// <summary>Asks the loop to end as failed; safe from a signal handler's thread.</summary>
    public void Terminate(string reason) => terminateReason = reason;

    public int Run()
    {
        FileStream? outputLock = null;
        try
        {
            log.Info(string.Create(CultureInfo.InvariantCulture,
                $"Local job {settings.JobId}, task {settings.TaskKey}: process {Environment.ProcessId} starting, {settings.Rate} events/s, checkpoint every {settings.CheckpointIntervalSeconds} s, output {settings.OutputFile}"));
            CheckResources();
            outputLock = LockOutput();
            OpenOutput();
            startedAt = DateTimeOffset.UtcNow;
            clock.Start();
            WriteStatus();
            return Loop();
        }
        catch (RunnerFailure failure)
        {
            return Fail(failure.Message);
        }
        catch (Exception e)
        {
            log.Error(e.ToString());
            return Fail($"{e.GetType().Name}: {e.Message}");
        }
        finally
        {
            writer?.Dispose();
            outputLock?.Dispose();
        }
    }

    /// <summary>The files the job names must be there before it runs, as a Flink job fails when a shipped file is missing.</summary>
    private void CheckResources()
    {
        foreach (var path in settings.Resources ?? [])
        {
            if (!File.Exists(path)) throw new RunnerFailure($"The resource file {path} the job names is missing.");
            using var file = File.OpenRead(path);
            log.Info($"Resource {Path.GetFileName(path)}: {file.Length} bytes, sha256 {Convert.ToHexStringLower(SHA256.HashData(file))[..16]}, at {path}");
        }
    }

    /// <summary>Two tasks of one job appending to one output would interleave; the second one refuses to start.</summary>
    private FileStream LockOutput()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(settings.OutputFile)!);
        try
        {
            return new FileStream(settings.OutputFile + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new RunnerFailure($"Another task of job {settings.JobId} is writing {settings.OutputFile} right now; stop it before starting this one.");
        }
    }

    private void OpenOutput()
    {
        if (settings.RestoreFrom is { Length: > 0 } from)
        {
            var state = ReadState(from);
            output = new FileStream(settings.OutputFile, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
            if (output.Length < state.OutputLength)
                throw new RunnerFailure($"Cannot restore from {from}: it records {state.OutputLength} bytes of output up to event {state.LastSequence}, but {settings.OutputFile} has only {output.Length}; the output was changed outside the job.");
            if (output.Length > state.OutputLength)
            {
                log.Info($"Truncating {settings.OutputFile} from {output.Length} to {state.OutputLength} bytes: the events after {state.LastSequence} were not in the state and are written again.");
                output.SetLength(state.OutputLength);
            }
            lastSequence = state.LastSequence;
            log.Info($"Restored from {state.Kind} {from}: continuing at event {lastSequence + 1}.");
        }
        else
        {
            if (File.Exists(settings.OutputFile) && new FileInfo(settings.OutputFile).Length > 0)
            {
                var kept = Path.Combine(Path.GetDirectoryName(settings.OutputFile)!,
                    $"{Path.GetFileNameWithoutExtension(settings.OutputFile)}.{DateTime.UtcNow:yyyyMMddHHmmss}-before-task-{settings.TaskKey}{Path.GetExtension(settings.OutputFile)}");
                File.Move(settings.OutputFile, kept);
                log.Info($"No state to restore: the stream starts again at event 1; the previous output was kept as {kept}.");
            }
            output = new FileStream(settings.OutputFile, FileMode.Create, FileAccess.Write, FileShare.Read);
            lastSequence = 0;
        }
        output.Seek(0, SeekOrigin.End);
        writer = new StreamWriter(output, new UTF8Encoding(false), 65536) { NewLine = "\n" };
        firstSequence = lastSequence + 1;
    }

    private static StateMetadata ReadState(string location)
    {
        try
        {
            return RunnerFiles.TryReadJson<StateMetadata>(location)
                ?? throw new RunnerFailure($"The state to restore from, {location}, does not exist.");
        }
        catch (JsonException e)
        {
            throw new RunnerFailure($"The state to restore from, {location}, is not a Local engine state: {e.Message}");
        }
    }

    private int Loop()
    {
        var checkpointInterval = TimeSpan.FromSeconds(settings.CheckpointIntervalSeconds);
        var nextCheckpoint = checkpointInterval;
        var nextStatus = StatusInterval;
        var nextWatch = WatchInterval;
        var statusShowsEvents = false;
        var batchLimit = Math.Max(1, (long)settings.Rate);
        while (true)
        {
            if (terminateReason is { } reason) return Fail(reason);
            var elapsed = clock.Elapsed;

            var due = (long)Math.Floor(elapsed.TotalSeconds * settings.Rate);
            var batch = 0L;
            while (eventsWritten < due && batch < batchLimit && !ReachedEnd())
            {
                lastSequence++;
                eventsWritten++;
                batch++;
                writer!.Write(string.Create(CultureInfo.InvariantCulture, $"{lastSequence}\t{DateTimeOffset.UtcNow:O}\t{settings.TaskKey}\n"));
            }
            if (batch > 0) writer!.Flush();
            if (ReachedEnd())
                return Exit(RunnerExit.Completed, $"Completed: the stream reached event {settings.MaxEvents}, its configured end.");

            if (elapsed >= nextCheckpoint)
            {
                Checkpoint();
                nextCheckpoint = elapsed + checkpointInterval;
            }
            if (ProcessCommands() is { } exitCode) return exitCode;
            if (elapsed >= nextStatus || (batch > 0 && !statusShowsEvents))
            {
                WriteStatus();
                statusShowsEvents = eventsWritten > 0;
                nextStatus = elapsed + StatusInterval;
            }
            if (elapsed >= nextWatch)
            {
                // The task folder is gone (deleted data folder, cleaned-up test): nothing is left to write into.
                if (!Directory.Exists(settings.WorkDirectory)) return 3;
                if (settings is { WatchProcessId: { } host, WatchProcessStartTime: { } hostStart } && !ProcessIdentity.IsAlive(host, hostStart))
                    return Exit(RunnerExit.Stopped, $"Stopped at event {lastSequence}: the host process {host} that launched the job has ended (StopJobsWithHost).");
                nextWatch = elapsed + WatchInterval;
            }

            var nextEvent = TimeSpan.FromSeconds((eventsWritten + 1) / settings.Rate) - clock.Elapsed;
            var wait = nextEvent < PollInterval ? nextEvent : PollInterval;
            Thread.Sleep(wait > TimeSpan.FromMilliseconds(1) ? wait : TimeSpan.FromMilliseconds(1));
        }
    }

    private bool ReachedEnd() => settings.MaxEvents is { } end && lastSequence >= end;

    private void Checkpoint()
    {
        checkpointId++;
        var location = WriteState(Path.Combine(settings.CheckpointDirectory, $"{RunnerFiles.CheckpointPrefix}{checkpointId}"), StateMetadata.CheckpointKind, checkpointId);
        checkpoints++;
        lastCheckpoint = location;
        log.Info($"Checkpoint {checkpointId} completed at event {lastSequence} ({output!.Position} bytes): {location}");
        PruneCheckpoints();
    }

    private void PruneCheckpoints()
    {
        foreach (var folder in Directory.EnumerateDirectories(settings.CheckpointDirectory, RunnerFiles.CheckpointPrefix + "*"))
        {
            var name = Path.GetFileName(folder);
            if (!long.TryParse(name.AsSpan(RunnerFiles.CheckpointPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)) continue;
            if (id > checkpointId - settings.RetainedCheckpoints) continue;
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException e)
            {
                log.Warn($"Could not remove the old checkpoint {folder}: {e.Message}");
            }
        }
    }

    private string Savepoint(string? directory)
    {
        var folder = Path.Combine(directory ?? settings.SavepointDirectory, $"{RunnerFiles.SavepointPrefix}{settings.TaskKey}-{Guid.NewGuid().ToString("N")[..8]}");
        var location = WriteState(folder, StateMetadata.SavepointKind, null);
        log.Info($"Savepoint written at event {lastSequence} ({output!.Position} bytes): {location}");
        return location;
    }

    /// <summary>Records the output as it is on disk now; the <c>_metadata</c> file appears whole or not at all.</summary>
    private string WriteState(string folder, string kind, long? id)
    {
        writer!.Flush();
        Directory.CreateDirectory(folder);
        var location = Path.Combine(folder, RunnerFiles.Metadata);
        RunnerFiles.WriteJsonAtomic(location, new StateMetadata(kind, settings.JobId, settings.TaskKey, lastSequence, output!.Position, settings.OutputFile, DateTimeOffset.UtcNow, id));
        return location;
    }

    private int? ProcessCommands()
    {
        if (!Directory.Exists(ControlFolder)) return null;
        var files = Directory.EnumerateFiles(ControlFolder, "*" + RunnerFiles.CommandSuffix)
            .Where(file => file.EndsWith(RunnerFiles.CommandSuffix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var file in files)
        {
            ControlCommand? command;
            try
            {
                command = RunnerFiles.TryReadJson<ControlCommand>(file);
            }
            catch (JsonException e)
            {
                log.Warn($"Ignored the unreadable command {file}: {e.Message}");
                command = null;
            }
            File.Delete(file);
            if (command is null) continue;
            if (Execute(command) is { } exitCode) return exitCode;
        }
        return null;
    }

    private int? Execute(ControlCommand command)
    {
        string location;
        try
        {
            if (command.Kind is not (ControlCommand.Savepoint or ControlCommand.StopWithSavepoint))
            {
                Answer(new ControlResult(command.Id, false, null, lastSequence, $"unknown command '{command.Kind}'"));
                return null;
            }
            location = Savepoint(command.Directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A failed savepoint leaves the job running, as Flink does; the caller gets the reason.
            log.Error($"Savepoint failed: {e.Message}");
            Answer(new ControlResult(command.Id, false, null, lastSequence, $"the savepoint could not be written: {e.Message}"));
            return null;
        }
        Answer(new ControlResult(command.Id, true, location, lastSequence));
        return command.Kind == ControlCommand.StopWithSavepoint
            ? Exit(RunnerExit.Stopped, $"Stopped with savepoint {location} at event {lastSequence}.", location)
            : null;
    }

    private void Answer(ControlResult result) =>
        RunnerFiles.WriteJsonAtomic(Path.Combine(ControlFolder, result.Id + RunnerFiles.ResultSuffix), result);

    private void WriteStatus()
    {
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        RunnerFiles.WriteJsonAtomic(Path.Combine(settings.WorkDirectory, RunnerFiles.Status), new RunnerStatus(
            Environment.ProcessId, startedAt, firstSequence, lastSequence, eventsWritten, Math.Round(eventsWritten / seconds, 1),
            checkpoints, lastCheckpoint, DateTimeOffset.UtcNow, Environment.WorkingSet, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            GC.GetTotalPauseDuration().TotalMilliseconds));
    }

    private int Exit(string status, string message, string? savepoint = null)
    {
        writer!.Flush();
        WriteStatus();
        RunnerFiles.WriteJsonAtomic(Path.Combine(settings.WorkDirectory, RunnerFiles.Exit), new RunnerExit(status, message, lastSequence, DateTimeOffset.UtcNow, savepoint));
        log.Info(message);
        return status == RunnerExit.Failed ? 1 : 0;
    }

    private int Fail(string message)
    {
        log.Error(message);
        try
        {
            writer?.Flush();
            RunnerFiles.WriteJsonAtomic(Path.Combine(settings.WorkDirectory, RunnerFiles.Exit), new RunnerExit(RunnerExit.Failed, message, lastSequence, DateTimeOffset.UtcNow));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Error($"Could not record the failure: {e.Message}");
        }
        return 1;
    }
}
