using System.Text.Json;

namespace Streamis.Workflows.Plugins.Dss.Nodes;

/// <summary>
/// Node refs as one JSON file each in a folder of the host's data folder (shared by every host node, as the
/// uploaded job files are). A write goes to a temporary file first and is moved into place, so a reader never sees
/// half a ref.
/// </summary>
public sealed class NodeRefStore(string folder)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Folder => folder;

    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>Ids are 32 hex digits; anything else names no file (and never a path outside the folder).</summary>
    public static bool IsId(string refId) => refId.Length == 32 && refId.All(char.IsAsciiHexDigitLower);

    public async Task<NodeRef?> FindAsync(string refId, CancellationToken cancellationToken)
    {
        if (!IsId(refId)) return null;
        try
        {
            await using var file = File.OpenRead(PathOf(refId));
            return await JsonSerializer.DeserializeAsync<NodeRef>(file, Json, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public async Task SaveAsync(NodeRef node, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{node.RefId}.{Guid.NewGuid():N}.tmp");
        await using (var file = File.Create(temporary))
            await JsonSerializer.SerializeAsync(file, node, Json, cancellationToken);
        File.Move(temporary, PathOf(node.RefId), overwrite: true);
    }

    /// <summary>False when there was no such ref.</summary>
    public bool Delete(string refId)
    {
        if (!IsId(refId) || !File.Exists(PathOf(refId))) return false;
        File.Delete(PathOf(refId));
        return true;
    }

    private string PathOf(string refId) => Path.Combine(folder, refId + ".json");
}
