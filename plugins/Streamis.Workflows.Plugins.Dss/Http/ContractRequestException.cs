namespace Streamis.Workflows.Plugins.Dss.Http;

/// <summary>A missing or malformed parameter or body field, named in the message; answered with HTTP 400.</summary>
internal sealed class ContractRequestException(string message) : Exception(message);
