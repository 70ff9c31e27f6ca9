using Microsoft.EntityFrameworkCore;
using Streamis.Workflows.Persistence.Stores;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Config;
using Streamis.Workflows.StreamJobs.Models;

namespace Streamis.Workflows.StreamJobs.Operations;

/// <summary>
/// Decides auto-restarts from what the database already holds: the job's executions that ended Failed within the
/// window. The first failure is restarted after the initial back-off, each further one waits longer, and once more
/// failures than <see cref="AutoRestartOptions.MaxRestarts"/> fall within the window the restarts stop. Reading it off
/// the tasks keeps the count right across workflow instances, host restarts and nodes; the restarts a caller has tried
/// count too, for a restart refused before it made a task (a savepoint path that vanished).
/// </summary>
public sealed class RestartPolicy(StreamJobsDatabase database, JobConfigService config, OperationsOptions options, TimeProvider clock)
{
    public async Task<RestartDecision> DecideAsync(long jobId, int attemptsMade = 0, CancellationToken cancellationToken = default)
    {
        var settings = options.AutoRestart;
        if (!await config.IsOnAsync(jobId, ConfigKeys.FailRestartSwitch, cancellationToken))
            return new RestartDecision(RestartVerdict.Disabled, 0, TimeSpan.Zero, $"fail-restart ({ConfigKeys.FailRestartSwitch}) is OFF for StreamJob [{jobId}]");

        await using var db = database.CreateContext();
        if (await db.Tasks.AsNoTracking().Where(t => t.ActiveJobId == jobId).Select(t => (long?)t.Id).FirstOrDefaultAsync(cancellationToken) is { } active)
            return new RestartDecision(RestartVerdict.AlreadyRunning, 0, TimeSpan.Zero, $"StreamJob [{jobId}] has task {active} running or starting already");

        var since = UnixTime.Ms(clock.GetUtcNow() - settings.Window);
        var failedCode = (int)StreamTaskStatus.Failed;
        var failed = await db.Tasks.AsNoTracking().CountAsync(t => t.JobId == jobId && t.Status == failedCode && t.LastUpdateTime >= since, cancellationToken);
        var failures = Math.Max(failed, attemptsMade + 1);
        if (failures > settings.MaxRestarts)
            return new RestartDecision(RestartVerdict.GiveUp, failures, TimeSpan.Zero,
                $"StreamJob [{jobId}] failed {failures} times within {settings.Window}; at most {settings.MaxRestarts} restarts are made in that time");

        var backoff = BackoffFor(failures);
        return new RestartDecision(RestartVerdict.Restart, failures, backoff,
            $"restart {failures} of at most {settings.MaxRestarts} within {settings.Window}, after {backoff}");
    }

    /// <summary>The wait before the <paramref name="attempt"/>-th restart: initial × factor^(attempt − 1), capped.</summary>
    public TimeSpan BackoffFor(int attempt)
    {
        var settings = options.AutoRestart;
        var seconds = settings.InitialBackoff.TotalSeconds * Math.Pow(settings.BackoffFactor, attempt - 1);
        return seconds >= settings.MaxBackoff.TotalSeconds || double.IsInfinity(seconds) ? settings.MaxBackoff : TimeSpan.FromSeconds(seconds);
    }
}
