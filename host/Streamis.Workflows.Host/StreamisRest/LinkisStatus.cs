namespace Streamis.Workflows.Host.StreamisRest;

/// <summary>The <c>status</c> codes of a Linkis message and the HTTP status Linkis maps each to.</summary>
public static class LinkisStatus
{
    public const int NotLoggedIn = -1;
    public const int Success = 0;
    public const int Error = 1;
    public const int ValidationFailed = 2;
    public const int AuthFailed = 3;
    public const int Warning = 4;

    /// <summary>
    /// The mapping Linkis applies to thrown errors. Streamis returns most errors instead of throwing them, so those
    /// go out as HTTP 200 with status 1; callers pick per case.
    /// </summary>
    public static int HttpStatusFor(int status) => status switch
    {
        NotLoggedIn => StatusCodes.Status401Unauthorized,
        Success => StatusCodes.Status200OK,
        Error => StatusCodes.Status400BadRequest,
        ValidationFailed => StatusCodes.Status412PreconditionFailed,
        AuthFailed => StatusCodes.Status403Forbidden,
        Warning => StatusCodes.Status206PartialContent,
        _ => StatusCodes.Status500InternalServerError,
    };
}
