using Streamis.Workflows.StreamJobs.Models;

namespace Streamis.Workflows.StreamJobs.Upload;

/// <summary>A zip read and checked: its meta.json and the other files.</summary>
public sealed record UploadedJob(JobMeta Meta, IReadOnlyList<UploadedFile> Files);
