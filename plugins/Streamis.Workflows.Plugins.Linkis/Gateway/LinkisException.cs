namespace Streamis.Workflows.Plugins.Linkis.Gateway;

/// <summary>
/// Linkis answered a call with a refusal (<c>status != 0</c>, an operation's <c>isError</c>, a login required). Not worth
/// retrying as is. The message names the system, the call and what Linkis said, never the token.
/// </summary>
internal class LinkisException(string call, string message, int? httpStatus = null, int? linkisStatus = null, string? linkisMessage = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The call that failed, e.g. <c>getEngineConn</c> or <c>doSavepoint</c>.</summary>
    public string Call { get; } = call;

    public int? HttpStatus { get; } = httpStatus;

    public int? LinkisStatus { get; } = linkisStatus;

    /// <summary>Linkis' own text (the envelope's <c>message</c> or the operation's <c>errorMsg</c>), token removed.</summary>
    public string? LinkisMessage { get; } = linkisMessage;
}
