namespace Streamis.Workflows.Sdk.HostServices;

/// <summary>The user lists of a project per rank; a null list means "not given".</summary>
public sealed record ProjectMemberLists(
    IReadOnlyList<string>? ReleaseUsers = null,
    IReadOnlyList<string>? EditUsers = null,
    IReadOnlyList<string>? AccessUsers = null);
