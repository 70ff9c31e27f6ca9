using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Streamis.Workflows.Persistence.Stores;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Config;
using Streamis.Workflows.StreamJobs.Entities;
using Streamis.Workflows.StreamJobs.Models;

namespace Streamis.Workflows.StreamJobs.Alerts;

/// <summary>
/// Raises alerts about a job: one record per recipient (the job's alert users plus its creator) and delivery through
/// every registered <see cref="IAlerter"/>. An alerter that fails is noted on the records; the others still deliver.
/// </summary>
public sealed class AlertService(StreamJobsDatabase database, JobConfigService config, IEnumerable<IAlerter> alerters, TimeProvider clock, ILogger<AlertService> logger)
{
    public const int MaxMessageLength = 4000;

    /// <summary>Level null = the job's <c>wds.linkis.flink.alert.level</c>, else MINOR as in Streamis.</summary>
    public async Task<IReadOnlyList<AlertRecord>> RaiseAsync(long jobId, long? taskId, string title, string message, AlertLevel? level = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken)
            ?? throw StreamJobsException.JobNotFound(jobId);
        long? versionId = taskId is { } id ? await db.Tasks.Where(t => t.Id == id).Select(t => (long?)t.JobVersionId).SingleOrDefaultAsync(cancellationToken) : null;
        var chosenLevel = level ?? ParseLevel(await config.GetValueAsync(jobId, ConfigKeys.AlertLevel, cancellationToken));
        var users = Recipients(job, await config.GetValueAsync(jobId, ConfigKeys.AlertUser, cancellationToken));
        var text = message.Length > MaxMessageLength ? message[..MaxMessageLength] : message;
        var now = clock.GetUtcNow();

        var alert = new Alert(chosenLevel, title, text, users, now, jobId, taskId, job.ProjectName, job.Name);
        var failures = new List<string>();
        foreach (var alerter in alerters)
        {
            try
            {
                await alerter.SendAsync(alert, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Alerter {Alerter} failed to deliver an alert for job {JobId}", alerter.Name, jobId);
                failures.Add($"{alerter.Name}: {e.Message}");
            }
        }
        var error = failures.Count == 0 ? null : string.Join("; ", failures);
        var records = users.Select(user => new AlertRecordEntity
        {
            AlertLevel = chosenLevel.ToString().ToUpperInvariant(), AlertUser = user, AlertMsg = text, JobId = jobId, JobVersionId = versionId,
            TaskId = taskId, CreateTime = UnixTime.Ms(now), Status = error is null ? 0 : 1, ErrorMsg = error is { Length: > 2000 } ? error[..2000] : error,
        }).ToList();
        db.AlertRecords.AddRange(records);
        await db.SaveChangesAsync(cancellationToken);
        return records.Select(r => r.ToModel()).ToList();
    }

    /// <summary>A user's alerts for a job (Streamis' <c>/job/alert</c> shows only the caller's).</summary>
    public async Task<IReadOnlyList<AlertRecord>> ListAsync(long jobId, string? user = null, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var query = db.AlertRecords.AsNoTracking().Where(a => a.JobId == jobId);
        if (user is not null) query = query.Where(a => a.AlertUser == user);
        return (await query.OrderByDescending(a => a.Id).ToListAsync(cancellationToken)).Select(a => a.ToModel()).ToList();
    }

    private static IReadOnlyList<string> Recipients(JobEntity job, string? configured) =>
        (configured ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Append(job.CreateBy)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static AlertLevel ParseLevel(string? value) =>
        Enum.TryParse<AlertLevel>(value, ignoreCase: true, out var level) && Enum.IsDefined(level) ? level : AlertLevel.Minor;
}
