namespace Streamis.Workflows.Host.Tests.Faults;

/// <summary>What goes wrong with a call, for every call of the case table; each kind is one test class.</summary>
public enum FaultKind
{
    /// <summary>HTTP 503 with an HTML body, on every attempt.</summary>
    ServerError,

    /// <summary>No answer within the client's time-out, on every attempt.</summary>
    Timeout,

    /// <summary>HTTP 200 with a body cut off mid-JSON, on every attempt.</summary>
    MalformedBody,

    /// <summary>HTTP 200, <c>status: 1</c> and a Linkis message, on every attempt.</summary>
    Refusal,

    /// <summary>Linkis' "Not exists EngineConn": the EngineConn has gone.</summary>
    Vanished,

    /// <summary>One 5xx, then normal answers: the client's retry must hide it.</summary>
    ServerErrorOnce,

    /// <summary>One attempt held past the client's time-out, then normal answers.</summary>
    TimeoutOnce,

    /// <summary>Every answer slow, but within the client's time-out.</summary>
    Slow,
}
