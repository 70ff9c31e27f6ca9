using System.IO.Compression;
using System.Net.Http.Headers;

namespace Streamis.Workflows.Host.Tests.Hostile;

/// <summary>
/// Multipart uploads with file names that climb out of any folder, and archives built to exhaust whoever opens them.
/// Every name that could escape begins with <see cref="MarkerPrefix"/>, so a file written outside the data folder is found by
/// looking for that name where the climb would land.
/// </summary>
internal sealed class HostileUploads
{
    /// <summary>How every name that could land outside the data folder begins.</summary>
    public const string MarkerPrefix = "swf-fuzz-escape";

    private static readonly Lazy<IReadOnlyList<(byte[] Bytes, string What)>> Archives = new(BuildArchives);

    public HostileUploads(int seed)
    {
        Marker = $"{MarkerPrefix}-{seed}";
        FileNames = Names(Marker);
    }

    public string Marker { get; }

    public IReadOnlyList<string> FileNames { get; }

    /// <summary>File names: relative climbs of every depth, absolute paths, NUL, separators of the other system, nothing at all.</summary>
    private static string[] Names(string marker) =>
    [
        $"../{marker}.jar", $"../../{marker}.jar", $"../../../{marker}.zip", $"../../../../../../../../{marker}.sql",
        $"..\\..\\{marker}.jar", $"/tmp/{marker}.jar", $"{Path.GetTempPath()}{marker}-abs.zip", $"C:\\Windows\\{marker}.jar",
        $"{marker}\0.jar", $"a\0/../../{marker}.jar", $"....//....//{marker}.jar", $"%2e%2e%2f%2e%2e%2f{marker}.jar",
        "", ".", "..", "/", "job.jar\r\nX-Injected: 1", new string('n', 5_000) + ".jar", "ファイル.zip", "job.jar",
    ];

    public MultipartFormDataContent Form(Random random, IReadOnlyDictionary<string, string> validIds, out string what)
    {
        var form = new MultipartFormDataContent();
        foreach (var field in new[] { "projectName", "jobName", "version", "comment", "updateWhenExists" })
            if (random.Next(3) > 0) form.Add(new StringContent(random.Next(4) == 0 ? random.Pick(HostileValues.Scalars) : Plausible(field, validIds)), field);
        var name = random.Pick(FileNames);
        var (bytes, kind) = random.Next(3) == 0 ? ([0x50, 0x4b, 0x03, 0x04, 0x00], "truncated zip") : random.Pick(Archives.Value);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        // Set the header by hand: the name must reach the server exactly as written, NUL and climbs included.
        file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{(random.Next(8) == 0 ? "other" : "file")}\"; filename=\"{name.Replace("\"", "", StringComparison.Ordinal)}\"");
        form.Add(file);
        what = $"upload {kind} named {Shorten(name)}";
        return form;
    }

    private static string Plausible(string field, IReadOnlyDictionary<string, string> validIds) => field switch
    {
        "projectName" => validIds["projectName"],
        "jobName" => "fuzzjob",
        "version" => "v00001",
        "updateWhenExists" => "true",
        _ => "fuzz",
    };

    private static string Shorten(string name) => name.Length > 40 ? name[..40] + "…" : name.Replace("\0", "\\0", StringComparison.Ordinal);

    /// <summary>Built once: a 256 MB entry deflated to a few hundred KB, 60,000 entries, nested archives, entries that climb out.</summary>
    private static IReadOnlyList<(byte[], string)> BuildArchives()
    {
        var archives = new List<(byte[], string)>
        {
            (Zip(zip => Entry(zip, "meta.json", new byte[256 * 1024 * 1024])), "zip bomb 256 MB"),
            (Zip(zip =>
            {
                for (var i = 0; i < 60_000; i++) zip.CreateEntry($"e{i}.txt", CompressionLevel.NoCompression);
            }), "zip of 60k entries"),
            (Zip(zip =>
            {
                Entry(zip, $"../../../../../../../{MarkerPrefix}-zipslip.txt", "climbed"u8.ToArray());
                Entry(zip, $"/tmp/{MarkerPrefix}-zipslip-abs.txt", "absolute"u8.ToArray());
                Entry(zip, "job.sql", "select 1"u8.ToArray());
            }), "zip slip"),
        };
        var bomb = archives[0].Item1;
        archives.Add((Zip(zip =>
        {
            for (var i = 0; i < 16; i++) Entry(zip, $"inner{i}.zip", bomb);
        }), "nested zip bombs"));
        archives.Add(("not an archive at all"u8.ToArray(), "text named as an archive"));
        return archives;
    }

    private static byte[] Zip(Action<ZipArchive> fill)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true)) fill(zip);
        return buffer.ToArray();
    }

    private static void Entry(ZipArchive zip, string name, byte[] content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        stream.Write(content);
    }
}
