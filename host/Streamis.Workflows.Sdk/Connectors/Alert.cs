namespace Streamis.Workflows.Sdk.Connectors;

/// <summary>Streamis' alert levels, with its codes.</summary>
public enum AlertLevel
{
    Critical = 1,
    Major = 2,
    Minor = 3,
    Warning = 4,
    Info = 5,
}

public sealed record Alert(
    AlertLevel Level,
    string Title,
    string Message,
    IReadOnlyList<string> Users,
    DateTimeOffset Time,
    long? JobId = null,
    long? TaskId = null,
    string? ProjectName = null,
    string? JobName = null);
