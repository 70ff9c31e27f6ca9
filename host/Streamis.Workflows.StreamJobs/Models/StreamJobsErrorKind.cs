namespace Streamis.Workflows.StreamJobs.Models;

/// <summary>What kind of user error a <see cref="StreamJobsException"/> is, so the HTTP layer can pick a status.</summary>
public enum StreamJobsErrorKind
{
    Invalid,
    NotFound,
    Conflict,
    Forbidden,
}
