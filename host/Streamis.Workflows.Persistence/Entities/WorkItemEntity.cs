namespace Streamis.Workflows.Persistence.Entities;

/// <summary>A durable queue entry. BookmarkId is unique: one bookmark can be resumed by one item only.</summary>
public sealed class WorkItemEntity
{
    public long Id { get; set; }

    public string InstanceId { get; set; } = "";

    public string Kind { get; set; } = "";

    public string? BookmarkId { get; set; }

    public string? Payload { get; set; }

    public long DueAt { get; set; }

    public long CreatedAt { get; set; }
}
