namespace Streamis.Workflows.Host.Tests.Faults;

/// <summary>What the user must see when a call of an operation meets a fault.</summary>
public enum Expected
{
    /// <summary>The operation succeeds as if nothing had happened (retried, or the call is not needed for it).</summary>
    Completes,

    /// <summary>The operation fails with a message naming the call and the problem (Linkis' own message when it gave one).</summary>
    FailsNamingCall,

    /// <summary>The monitor tick completes, raises an "Engine unreachable" alert naming the call, and leaves the task Running.</summary>
    AlertsAndKeepsRunning,

    /// <summary>The log page is Streamis' placeholder, answered at once rather than an error.</summary>
    Placeholder,

    /// <summary>The caller is not signed in (401) rather than a server error.</summary>
    NotSignedIn,

    /// <summary>The caller is answered 503 naming the gateway, the call and the problem, not a silent sign-out.</summary>
    Unavailable,

    /// <summary>The workflow waits to retry the step (a Retry bookmark) whose error names the call and the problem.</summary>
    RetriesLater,
}
