namespace Streamis.Workflows.Engine.Execution;

/// <summary>A stored instance state that cannot be read or continued (corrupt, or its definition is gone).</summary>
public sealed class InvalidStateException(string message) : Exception(message);
