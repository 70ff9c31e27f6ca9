namespace Streamis.Workflows.Host.StreamisRest;

/// <summary>Where the Streamis-compatible API lives; its answers are Linkis envelopes, never problem bodies.</summary>
public static class StreamisApi
{
    public const string Prefix = "/api/rest_j/v1/streamis";

    public static bool Owns(HttpContext context) => context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);
}
