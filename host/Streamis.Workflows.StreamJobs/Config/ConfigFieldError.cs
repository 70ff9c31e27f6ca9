namespace Streamis.Workflows.StreamJobs.Config;

/// <summary>One bad field: its key path (<c>group.key</c>) and what is wrong with it.</summary>
public sealed record ConfigFieldError(string Field, string Message);
