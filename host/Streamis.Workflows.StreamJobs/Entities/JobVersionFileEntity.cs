namespace Streamis.Workflows.StreamJobs.Entities;

/// <summary>A resource file uploaded with a job version, kept in the host's file store.</summary>
public sealed class JobVersionFileEntity
{
    public long Id { get; set; }

    public long JobId { get; set; }

    public long JobVersionId { get; set; }

    public string FileName { get; set; } = "";

    public string Version { get; set; } = "";

    /// <summary>Path relative to the file store root.</summary>
    public string StorePath { get; set; } = "";

    public string StoreType { get; set; } = "";

    public long Size { get; set; }

    public string CreateBy { get; set; } = "";

    public long CreateTime { get; set; }
}
