using Streamis.Workflows.StreamJobs.Upload;

namespace Streamis.Workflows.StreamJobs;

/// <summary>Bound from the <c>StreamJobs</c> configuration section.</summary>
public sealed class StreamJobsOptions
{
    /// <summary>Folder that holds uploaded job files (the host's stand-in for Linkis BML).</summary>
    public string FileStoreDirectory { get; set; } = Path.Combine("data", "job-files");

    public UploadLimits Upload { get; set; } = new();
}
