namespace Streamis.Workflows.StreamJobs.Upload;

/// <summary>Bounds on an uploaded zip, against zip bombs and abuse; bound from configuration.</summary>
public sealed class UploadLimits
{
    public long MaxZipBytes { get; set; } = 200L * 1024 * 1024;

    public int MaxEntries { get; set; } = 200;

    public long MaxEntryBytes { get; set; } = 200L * 1024 * 1024;

    public long MaxTotalBytes { get; set; } = 500L * 1024 * 1024;

    public long MaxMetaJsonBytes { get; set; } = 1024 * 1024;

    /// <summary>Uncompressed ÷ compressed above which an entry counts as a bomb (jars compress ~3–10×).</summary>
    public double MaxCompressionRatio { get; set; } = 100;
}
