namespace Streamis.Workflows.StreamJobs.Operations;

/// <summary>A job names an engine whose connector no loaded plugin provides.</summary>
public sealed class EngineMissingException(string message) : InvalidOperationException(message);
