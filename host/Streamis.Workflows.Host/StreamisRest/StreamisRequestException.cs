namespace Streamis.Workflows.Host.StreamisRest;

/// <summary>
/// A Streamis request parameter missing or malformed. Streamis throws these (30301 "x cannot be empty!"), so they go out
/// as HTTP 400 with status 1, unlike the errors its controllers return.
/// </summary>
public sealed class StreamisRequestException(string message) : Exception(message);
