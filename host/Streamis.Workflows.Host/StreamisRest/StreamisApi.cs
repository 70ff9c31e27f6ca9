namespace Streamis.Workflows.Host.StreamisRest;

/// <summary>Where the Streamis-compatible API lives; its answers are Linkis envelopes, never problem bodies.</summary>
public static class StreamisApi
{
    public const string Prefix = "/api/rest_j/v1/streamis";

    /// <summary>Everything the Streamis web UI calls (streamis, user login, DSS base info) answers in the envelope.</summary>
    public const string LinkisPrefix = "/api/rest_j/v1";

    public static bool Owns(HttpContext context) => context.Request.Path.StartsWithSegments(LinkisPrefix, StringComparison.OrdinalIgnoreCase);
}
