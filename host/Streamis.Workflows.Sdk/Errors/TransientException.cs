namespace Streamis.Workflows.Sdk.Errors;

/// <summary>
/// A failure worth retrying (a 5xx, a time-out, a connection reset). Activities and connectors throw this,
/// or a subclass, so that the default retry policy ("transient only") retries them.
/// </summary>
public class TransientException(string message, Exception? inner = null) : Exception(message, inner);
