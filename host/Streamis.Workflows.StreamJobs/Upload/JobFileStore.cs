namespace Streamis.Workflows.StreamJobs.Upload;

/// <summary>Keeps job-version resource files in a folder (the host's stand-in for Linkis BML).</summary>
public sealed class JobFileStore(string root)
{
    public const string StoreType = "file";

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Where a version's files go, relative to the root; ids keep it free of user-chosen names.</summary>
    public static string VersionFolder(long jobId, string version) => $"jobs/{jobId}/{version}";

    public async Task<string> WriteAsync(string relativeFolder, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var relative = $"{relativeFolder}/{fileName}";
        var path = Resolve(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content, cancellationToken);
        return relative;
    }

    public Stream OpenRead(string relativePath) => File.OpenRead(Resolve(relativePath));

    /// <summary>The full path of a stored file, for a connector that reads it from disk.</summary>
    public string FullPath(string relativePath) => Resolve(relativePath);

    public void DeleteFolder(string relativeFolder)
    {
        var path = Resolve(relativeFolder);
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }

    private string Resolve(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relative));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"path {relative} leaves the file store");
        return full;
    }
}
