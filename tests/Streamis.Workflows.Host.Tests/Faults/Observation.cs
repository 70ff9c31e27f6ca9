namespace Streamis.Workflows.Host.Tests.Faults;

/// <summary>What the caller of an operation saw: whether it succeeded, and the text it was answered with.</summary>
public sealed record Observation(bool Succeeded, string Message);
