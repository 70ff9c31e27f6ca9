namespace Streamis.Workflows.StreamJobs.Entities;

/// <summary>One version of a project resource file (Streamis' <c>linkis_stream_project_files</c>), its bytes in the file store.</summary>
public sealed class ProjectFileEntity
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public string ProjectName { get; set; } = "";

    public string FileName { get; set; } = "";

    /// <summary>Chosen by the uploader, as in Streamis.</summary>
    public string Version { get; set; } = "";

    /// <summary>Path relative to the file store root.</summary>
    public string StorePath { get; set; } = "";

    public string StoreType { get; set; } = "";

    public long Size { get; set; }

    public string? Comment { get; set; }

    public string CreateBy { get; set; } = "";

    public long CreateTime { get; set; }

    public long UpdateTime { get; set; }
}
