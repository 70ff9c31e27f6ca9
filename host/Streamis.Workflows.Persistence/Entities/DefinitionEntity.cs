namespace Streamis.Workflows.Persistence.Entities;

/// <summary>One version of a workflow definition. Times are Unix milliseconds: comparable and indexable on both providers.</summary>
public sealed class DefinitionEntity
{
    public long Id { get; set; }

    public string DefinitionId { get; set; } = "";

    public int Version { get; set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public bool IsLatest { get; set; }

    public bool IsPublished { get; set; }

    /// <summary>Set when first published and never cleared: a version once published is never edited again.</summary>
    public long? PublishedAt { get; set; }

    public string Json { get; set; } = "";

    public string Hash { get; set; } = "";

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }
}
