namespace Streamis.Workflows.Plugins.Dss.Gateway;

/// <summary>
/// A call to the DSS/Linkis gateway failed. The message names the gateway, the call and what came back, never a
/// ticket or a token. Unreachable, timed-out and 5xx calls carry the HTTP error or time-out as their inner
/// exception, which makes them transient for a workflow's retry policy; a refusal carries none.
/// </summary>
public sealed class DssGatewayException(string message, Exception? inner = null) : Exception(message, inner);
