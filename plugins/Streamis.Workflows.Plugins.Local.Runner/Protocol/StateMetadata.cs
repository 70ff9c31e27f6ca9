namespace Streamis.Workflows.Plugins.Local.Protocol;

/// <summary>
/// The <c>_metadata</c> of a checkpoint or savepoint: the last event written and the output's length at that moment,
/// which is all a restore needs to continue without a gap or a duplicate.
/// </summary>
internal sealed record StateMetadata(
    string Kind,
    long JobId,
    string TaskKey,
    long LastSequence,
    long OutputLength,
    string OutputFile,
    DateTimeOffset CreatedAt,
    long? CheckpointId = null,
    int Version = 1)
{
    public const string CheckpointKind = "checkpoint";
    public const string SavepointKind = "savepoint";
}
