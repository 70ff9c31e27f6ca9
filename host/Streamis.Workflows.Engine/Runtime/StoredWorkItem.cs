namespace Streamis.Workflows.Engine.Runtime;

/// <summary>A due item of the durable work queue.</summary>
public sealed record StoredWorkItem(long Id, string Kind, string? BookmarkId, string? PayloadJson);
