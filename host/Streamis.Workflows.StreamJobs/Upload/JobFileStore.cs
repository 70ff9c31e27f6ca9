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

    /// <summary>Copies at most <paramref name="maxBytes"/>; a longer stream leaves nothing behind and answers null.</summary>
    public async Task<long?> WriteAsync(string relativePath, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var path = Resolve(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        long written = 0;
        await using (var file = File.Create(path))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                written += read;
                if (written > maxBytes) break;
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        if (written <= maxBytes) return written;
        File.Delete(path);
        return null;
    }

    public Stream OpenRead(string relativePath) => File.OpenRead(Resolve(relativePath));

    public void DeleteFile(string relativePath)
    {
        var path = Resolve(relativePath);
        if (File.Exists(path)) File.Delete(path);
    }

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
