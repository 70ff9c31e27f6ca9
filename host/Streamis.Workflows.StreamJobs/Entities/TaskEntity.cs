namespace Streamis.Workflows.StreamJobs.Entities;

/// <summary>One execution of a job version.</summary>
public sealed class TaskEntity
{
    public long Id { get; set; }

    public long JobId { get; set; }

    public long JobVersionId { get; set; }

    public string Version { get; set; } = "";

    /// <summary>Streamis status code (§3).</summary>
    public int Status { get; set; }

    /// <summary>
    /// Equals <see cref="JobId"/> while the task is not completed and NULL once it is. The unique index on it is
    /// what makes "at most one non-completed task per job" hold under concurrent starts, on both providers.
    /// </summary>
    public long? ActiveJobId { get; set; }

    public long StartTime { get; set; }

    public long LastUpdateTime { get; set; }

    public string? ErrDesc { get; set; }

    public string SubmitUser { get; set; } = "";

    public string EngineName { get; set; } = "";

    /// <summary>The engine's id for the launched job (Linkis once-job id).</summary>
    public string? EngineJobId { get; set; }

    /// <summary>The engine handle's properties as JSON.</summary>
    public string? EngineInfo { get; set; }

    /// <summary>
    /// The workflow activity execution that created the task, so a create repeated after a crash (at least once) finds
    /// its own task instead of being refused by it.
    /// </summary>
    public string? ExecutionId { get; set; }
}
