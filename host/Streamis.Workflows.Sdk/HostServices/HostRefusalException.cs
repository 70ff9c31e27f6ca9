namespace Streamis.Workflows.Sdk.HostServices;

/// <summary>
/// A host service said no to what the caller asked (bad input, unknown id, conflict, no privilege): a user error with
/// a message to show as it is, and the Streamis error code where there is one. Never a server fault.
/// </summary>
public sealed class HostRefusalException(RefusalKind kind, string message, int? code = null) : Exception(message)
{
    public RefusalKind Kind { get; } = kind;

    public int? Code { get; } = code;
}
