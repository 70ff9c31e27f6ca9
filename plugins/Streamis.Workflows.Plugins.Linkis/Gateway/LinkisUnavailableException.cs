using Streamis.Workflows.Sdk.Errors;

namespace Streamis.Workflows.Plugins.Linkis.Gateway;

/// <summary>
/// Linkis could not be asked or gave no usable answer (refused connection, time-out, HTTP 5xx, a body that is not a
/// Linkis message), after the client's own retries. Worth retrying later; the message says which call and why.
/// </summary>
internal sealed class LinkisUnavailableException(string call, string message, Exception? inner = null) : TransientException(message, inner)
{
    public string Call { get; } = call;
}
