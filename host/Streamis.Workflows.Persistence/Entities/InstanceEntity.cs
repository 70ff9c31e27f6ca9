namespace Streamis.Workflows.Persistence.Entities;

/// <summary>An instance: indexed columns for listing and dispatch, the state blob in a column of its own.</summary>
public sealed class InstanceEntity
{
    public string Id { get; set; } = "";

    public string DefinitionId { get; set; } = "";

    public int DefinitionVersion { get; set; }

    /// <summary>Running or Finished.</summary>
    public string Status { get; set; } = "";

    /// <summary>Pending, Executing, Suspended, Completed, Faulted or Cancelled.</summary>
    public string SubStatus { get; set; } = "";

    public string? CorrelationId { get; set; }

    public string? Name { get; set; }

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }

    public long? FinishedAt { get; set; }

    public int IncidentCount { get; set; }

    public string? LeaseOwner { get; set; }

    public long? LeaseExpiresAt { get; set; }

    public string State { get; set; } = "";
}
