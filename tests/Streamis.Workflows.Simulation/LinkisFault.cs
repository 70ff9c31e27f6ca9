namespace Streamis.Workflows.Simulation;

public enum LinkisFaultKind
{
    /// <summary>Answers normally, after a delay.</summary>
    Latency,

    /// <summary>An HTTP 5xx with a plain body, as a proxy or a crashed service gives.</summary>
    ServerError,

    /// <summary>No answer until the client gives up (or the simulation is disposed).</summary>
    Timeout,

    /// <summary>HTTP 200 with a body that is not JSON.</summary>
    MalformedJson,

    /// <summary>HTTP 200, <c>status: 1</c> and the given Linkis message.</summary>
    LinkisError,

    /// <summary>
    /// The AM's thrown 210003 "Not exists EngineConn" (HTTP 400, <c>data.errorMsg</c>) for this call only, as when the
    /// EngineConn vanishes between two calls; <see cref="LinkisSimulation.LoseEngineConn"/> makes it lasting.
    /// </summary>
    EngineConnVanished,

    /// <summary>Linkis carries the call out, but its answer arrives cut off mid-JSON (a proxy or a dropped connection).</summary>
    CarriedOutThenTruncated,
}

/// <summary>Something wrong with a call's answer, injected with <see cref="LinkisSimulation.Inject"/>.</summary>
public sealed record LinkisFault(LinkisFaultKind Kind, int HttpStatus = 503, string? Message = null, TimeSpan Delay = default)
{
    public static LinkisFault Latency(TimeSpan delay) => new(LinkisFaultKind.Latency, Delay: delay);

    public static LinkisFault ServerError(int httpStatus = 503) => new(LinkisFaultKind.ServerError, httpStatus);

    public static LinkisFault Timeout() => new(LinkisFaultKind.Timeout);

    public static LinkisFault MalformedJson() => new(LinkisFaultKind.MalformedJson);

    public static LinkisFault LinkisError(string message) => new(LinkisFaultKind.LinkisError, Message: message);

    public static LinkisFault EngineConnVanished() => new(LinkisFaultKind.EngineConnVanished);

    public static LinkisFault CarriedOutThenTruncated() => new(LinkisFaultKind.CarriedOutThenTruncated);
}
