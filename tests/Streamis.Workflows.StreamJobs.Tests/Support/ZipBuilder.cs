using System.IO.Compression;
using System.Text;

namespace Streamis.Workflows.StreamJobs.Tests.Support;

public static class ZipBuilder
{
    public const string GoodMeta = """
        {"projectName":"p1","jobName":"zjob","jobType":"flink.sql","tags":"a,b","description":"from zip",
         "jobContent":{"type":"file","file":"query.sql"}}
        """;

    public static MemoryStream Build(params (string Name, byte[] Content)[] entries)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                using var target = entry.Open();
                target.Write(content);
            }
        }
        stream.Position = 0;
        return stream;
    }

    public static (string, byte[]) Text(string name, string text) => (name, Encoding.UTF8.GetBytes(text));
}
