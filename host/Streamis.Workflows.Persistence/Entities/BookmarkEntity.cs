namespace Streamis.Workflows.Persistence.Entities;

public sealed class BookmarkEntity
{
    public string Id { get; set; } = "";

    public string InstanceId { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Key { get; set; }

    public string Hash { get; set; } = "";

    public string? CorrelationId { get; set; }

    public string ActivityId { get; set; } = "";

    public long? ResumeAt { get; set; }

    public long CreatedAt { get; set; }
}
