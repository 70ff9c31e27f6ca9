using System.Globalization;
using System.Text.Json;

namespace Streamis.Workflows.Plugins.Linkis.State;

/// <summary>One entry of Linkis' <c>getDirFileTrees</c> listing: a folder or a file with its size and modification time.</summary>
internal sealed record DirFileTree(string Name, string Path, bool IsLeaf, long ModifyTime, IReadOnlyList<DirFileTree> Children)
{
    /// <summary>Reads <c>data.dirFileTrees</c>; null when Linkis says the folder does not exist.</summary>
    public static DirFileTree? FromData(JsonElement data) =>
        data.TryGetProperty("dirFileTrees", out var root) && root.ValueKind == JsonValueKind.Object ? Read(root) : null;

    private static DirFileTree Read(JsonElement node)
    {
        var children = new List<DirFileTree>();
        if (node.TryGetProperty("children", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in list.EnumerateArray())
            {
                if (child.ValueKind == JsonValueKind.Object) children.Add(Read(child));
            }
        }
        var modifyTime = 0L;
        // Linkis writes size and modifytime as strings; a number is taken too.
        if (node.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            && properties.TryGetProperty("modifytime", out var time))
        {
            if (time.ValueKind == JsonValueKind.Number) time.TryGetInt64(out modifyTime);
            else _ = long.TryParse(time.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out modifyTime);
        }
        return new DirFileTree(Text(node, "name"), Text(node, "path"), node.TryGetProperty("isLeaf", out var leaf) && leaf.ValueKind == JsonValueKind.True,
            modifyTime, children);
    }

    private static string Text(JsonElement node, string name) =>
        node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
