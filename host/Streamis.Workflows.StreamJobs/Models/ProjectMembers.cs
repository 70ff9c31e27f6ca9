namespace Streamis.Workflows.StreamJobs.Models;

/// <summary>The three user lists DSS pushes; on update a null list leaves that rank's members unchanged.</summary>
public sealed record ProjectMembers(
    IReadOnlyList<string>? ReleaseUsers = null,
    IReadOnlyList<string>? EditUsers = null,
    IReadOnlyList<string>? AccessUsers = null);
