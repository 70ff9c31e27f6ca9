namespace Streamis.Workflows.StreamJobs.Entities;

/// <summary>One alert addressed to one user.</summary>
public sealed class AlertRecordEntity
{
    public long Id { get; set; }

    public string AlertLevel { get; set; } = "";

    public string AlertUser { get; set; } = "";

    public string AlertMsg { get; set; } = "";

    public long? JobId { get; set; }

    public long? JobVersionId { get; set; }

    public long? TaskId { get; set; }

    public long CreateTime { get; set; }

    /// <summary>0 delivered to every alerter, 1 at least one alerter failed (see <see cref="ErrorMsg"/>).</summary>
    public int Status { get; set; }

    public string? ErrorMsg { get; set; }
}
