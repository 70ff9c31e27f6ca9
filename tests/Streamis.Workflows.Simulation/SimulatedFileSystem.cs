using System.Collections.Concurrent;

namespace Streamis.Workflows.Simulation;

/// <summary>
/// The files Linkis' filesystem API lists (HDFS as <c>hdfs:///…</c>): folders and files with a size and a modification
/// time. Paths are kept as Linkis answers them, without authority. Thread-safe; a listing costs one folder's children.
/// </summary>
public sealed class SimulatedFileSystem
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> children = new(StringComparer.Ordinal);
    private readonly TimeProvider clock;

    internal SimulatedFileSystem(TimeProvider clock) => this.clock = clock;

    internal sealed record Entry(string Path, bool IsFile, long Size, long ModifyTime);

    /// <summary>Adds a file (and its folders); its modification time defaults to now.</summary>
    public void AddFile(string path, DateTimeOffset? modified = null, long size = 1024)
    {
        var normal = Normalise(path);
        var time = (modified ?? clock.GetUtcNow()).ToUnixTimeMilliseconds();
        AddFolder(Parent(normal)!);
        entries[normal] = new Entry(normal, true, size, time);
        Link(normal);
    }

    public void AddFolder(string path)
    {
        var normal = Normalise(path);
        for (var folder = normal; folder is not null; folder = Parent(folder))
        {
            if (!entries.TryAdd(folder, new Entry(folder, false, 0, 0))) break;
            Link(folder);
        }
    }

    public bool Exists(string path) => entries.ContainsKey(Normalise(path));

    /// <summary>Every file under a folder, at any depth (for assertions).</summary>
    public IReadOnlyList<string> FilesUnder(string folder)
    {
        var prefix = Normalise(folder) + "/";
        return entries.Values.Where(e => e.IsFile && e.Path.StartsWith(prefix, StringComparison.Ordinal)).Select(e => e.Path).Order(StringComparer.Ordinal).ToList();
    }

    internal Entry? Find(string path) => entries.TryGetValue(Normalise(path), out var entry) ? entry : null;

    internal IEnumerable<Entry> ChildrenOf(string folder) =>
        children.TryGetValue(Normalise(folder), out var names)
            ? names.Keys.Order(StringComparer.Ordinal).Select(name => entries[name])
            : [];

    private void Link(string path)
    {
        if (Parent(path) is { } parent) children.GetOrAdd(parent, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal))[path] = 0;
    }

    /// <summary><c>hdfs://nn:8020/a/b/</c> and <c>hdfs:///a//b</c> are both kept as <c>hdfs:///a/b</c>, as Linkis answers.</summary>
    internal static string Normalise(string path)
    {
        var scheme = "hdfs";
        var rest = path.Trim();
        var separator = rest.IndexOf("://", StringComparison.Ordinal);
        if (separator > 0)
        {
            scheme = rest[..separator];
            rest = rest[(separator + 3)..];
            var slash = rest.IndexOf('/');
            rest = slash < 0 ? "" : rest[slash..];
        }
        var segments = rest.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return $"{scheme}:///{string.Join('/', segments)}";
    }

    internal static string? Parent(string normal)
    {
        var root = normal.IndexOf(":///", StringComparison.Ordinal) + 4;
        if (normal.Length <= root) return null;
        var cut = normal.LastIndexOf('/');
        return cut < root ? normal[..root] : normal[..cut];
    }

    internal static string Name(string normal)
    {
        var cut = normal.LastIndexOf('/');
        return normal[(cut + 1)..];
    }
}
