using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Streamis.Workflows.StreamJobs.Models;

namespace Streamis.Workflows.StreamJobs.Upload;

/// <summary>
/// Reads an uploaded job zip fully before anything is written: meta.json required (30603), file names as Streamis
/// allows them (30601), entries flat and without traversal, and sizes counted while inflating (a zip's declared
/// sizes can lie) against the <see cref="UploadLimits"/>.
/// </summary>
public sealed partial class JobUploadReader(UploadLimits limits)
{
    public const string MetaJson = "meta.json";

    public async Task<UploadedJob> ReadAsync(string fileName, Stream zip, CancellationToken cancellationToken = default)
    {
        if (!fileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            throw Fail(ErrorCodes.UploadNotZip, $"upload file type should be zip: {fileName}");
        using var buffer = await CopyBoundedAsync(zip, cancellationToken);
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(buffer, ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            throw Fail(ErrorCodes.UploadFailed, $"the upload is not a readable zip: {e.Message}");
        }
        using (archive)
        {
            try
            {
                return await ReadEntriesAsync(archive, cancellationToken);
            }
            catch (InvalidDataException e)
            {
                throw Fail(ErrorCodes.UploadFailed, $"the zip is damaged: {e.Message}");
            }
        }
    }

    private async Task<UploadedJob> ReadEntriesAsync(ZipArchive archive, CancellationToken cancellationToken)
    {
        if (archive.Entries.Count > limits.MaxEntries)
            throw Fail(ErrorCodes.UploadFailed, $"the zip holds {archive.Entries.Count} entries, more than the {limits.MaxEntries} allowed");
        string? meta = null;
        var files = new List<UploadedFile>();
        long total = 0;
        foreach (var entry in archive.Entries)
        {
            var name = entry.FullName;
            CheckPath(name);
            if (name.EndsWith('/')) continue;
            var isMeta = name == MetaJson;
            if (!isMeta) CheckFileName(name);
            if ((isMeta && meta is not null) || files.Any(f => f.Name == name)) throw Fail(ErrorCodes.FileName, $"the zip holds {name} twice");
            var cap = isMeta ? limits.MaxMetaJsonBytes : limits.MaxEntryBytes;
            var content = await InflateAsync(entry, cap, limits.MaxTotalBytes - total, cancellationToken);
            total += content.Length;
            if (isMeta) meta = DecodeMeta(content);
            else files.Add(new UploadedFile(name, content));
        }
        if (meta is null) throw Fail(ErrorCodes.MetaJsonMissing, "meta.json is missing from the zip (it must be at the top level)");
        return new UploadedJob(JobMeta.Parse(meta), files);
    }

    private async Task<MemoryStream> CopyBoundedAsync(Stream zip, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await zip.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limits.MaxZipBytes) throw Fail(ErrorCodes.UploadFailed, $"the zip is larger than {limits.MaxZipBytes} bytes");
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        return buffer;
    }

    private async Task<byte[]> InflateAsync(ZipArchiveEntry entry, long cap, long totalLeft, CancellationToken cancellationToken)
    {
        var ratioCap = (long)Math.Max(64 * 1024, entry.CompressedLength * limits.MaxCompressionRatio);
        await using var source = entry.Open();
        using var target = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (target.Length + read > cap) throw Fail(ErrorCodes.UploadFailed, $"{entry.FullName} inflates beyond {cap} bytes");
            if (target.Length + read > totalLeft) throw Fail(ErrorCodes.UploadFailed, $"the zip inflates beyond {limits.MaxTotalBytes} bytes in all");
            if (target.Length + read > ratioCap)
                throw Fail(ErrorCodes.UploadFailed, $"{entry.FullName} inflates more than {limits.MaxCompressionRatio}× its compressed size (zip bomb?)");
            target.Write(chunk, 0, read);
        }
        return target.ToArray();
    }

    private static void CheckPath(string name)
    {
        var normalised = name.Replace('\\', '/');
        if (normalised.StartsWith('/') || Path.IsPathRooted(name) || normalised.Split('/').Any(p => p == ".." || p == ".") || name.Contains(':'))
            throw Fail(ErrorCodes.UploadFailed, $"unsafe entry name in the zip (path traversal): {name}");
        if (normalised.TrimEnd('/').Contains('/'))
            throw Fail(ErrorCodes.FileName, $"files must be at the top level of the zip: {name}");
    }

    /// <summary>Streamis: jars <c>^[a-z0-9A-Z._-]+$</c>; other files a <c>^[a-z0-9A-Z_-]+$</c> name with one extension.</summary>
    private static void CheckFileName(string name)
    {
        var ok = name.EndsWith(".jar", StringComparison.OrdinalIgnoreCase)
            ? JarName().IsMatch(name)
            : PlainName().IsMatch(Path.GetFileNameWithoutExtension(name)) && ExtensionPart().IsMatch(Path.GetExtension(name));
        if (!ok) throw Fail(ErrorCodes.FileName, $"file name '{name}' is not allowed: letters, digits, '_' and '-' only (jars may also use '.')");
    }

    private static string DecodeMeta(byte[] content)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw Fail(ErrorCodes.JobDefinition, "meta.json is not UTF-8 text");
        }
    }

    private static StreamJobsException Fail(int code, string message) => new(code, StreamJobsErrorKind.Invalid, message);

    [GeneratedRegex("^[a-z0-9A-Z._-]+$")]
    private static partial Regex JarName();

    [GeneratedRegex("^[a-z0-9A-Z_-]+$")]
    private static partial Regex PlainName();

    [GeneratedRegex(@"^(\.[a-z0-9A-Z]+)?$")]
    private static partial Regex ExtensionPart();
}
