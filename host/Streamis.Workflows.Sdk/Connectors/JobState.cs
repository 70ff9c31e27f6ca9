namespace Streamis.Workflows.Sdk.Connectors;

public enum JobStateKind
{
    Checkpoint,
    Savepoint,
}

/// <summary>A checkpoint or savepoint: where it is and when it was written.</summary>
public sealed record JobState(JobStateKind Kind, string Location, DateTimeOffset Timestamp);
