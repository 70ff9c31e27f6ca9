namespace Streamis.Workflows.StreamJobs.Entities;

/// <summary>An immutable version of a job's content (<c>v00001</c>, <c>v00002</c>, ...).</summary>
public sealed class JobVersionEntity
{
    public long Id { get; set; }

    public long JobId { get; set; }

    public string Version { get; set; } = "";

    public string? Source { get; set; }

    /// <summary>The parsed <c>jobContent</c> object of meta.json, as compact JSON.</summary>
    public string JobContent { get; set; } = "";

    public string? Comment { get; set; }

    public string CreateBy { get; set; } = "";

    public long CreateTime { get; set; }
}
