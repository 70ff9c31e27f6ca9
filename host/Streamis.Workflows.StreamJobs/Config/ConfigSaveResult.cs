namespace Streamis.Workflows.StreamJobs.Config;

/// <summary>Saved, or every bad field named and nothing written.</summary>
public sealed record ConfigSaveResult(IReadOnlyList<ConfigFieldError> Errors)
{
    public bool Saved => Errors.Count == 0;
}
