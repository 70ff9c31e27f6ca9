namespace Streamis.Workflows.StreamJobs.ProjectFiles;

/// <summary>How an upload ended: a new version, a replaced one, or refused because that version exists.</summary>
public enum ProjectFileUploadOutcome
{
    Added,
    Replaced,
    AlreadyExists,
}
