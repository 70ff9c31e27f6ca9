using System.Globalization;
using System.Text.Json.Nodes;
using WireMock;

namespace Streamis.Workflows.Simulation;

/// <summary><c>GET filesystem/getDirFileTrees?path=</c>: one level of a folder; a folder that does not exist is a success with null.</summary>
public sealed partial class LinkisSimulation
{
    private ResponseMessage DirFileTrees(string route, IRequestMessage request)
    {
        var path = request.Query?.TryGetValue("path", out var values) == true ? values.ToString() : null;
        if (string.IsNullOrWhiteSpace(path))
            return Thrown("linkis-ps-publicservice", 80004, $"path:(路径：){path ?? "null"}Is empty!(为空！)");
        var folder = Files.Find(path);
        if (folder is not { IsFile: false })
            return Envelope(200, "/api/" + route, 0, "OK", new JsonObject { ["dirFileTrees"] = null });
        var children = new JsonArray();
        foreach (var child in Files.ChildrenOf(folder.Path))
        {
            children.Add(new JsonObject
            {
                ["name"] = SimulatedFileSystem.Name(child.Path),
                ["path"] = child.Path,
                ["properties"] = child.IsFile
                    ? new JsonObject
                    {
                        ["size"] = child.Size.ToString(CultureInfo.InvariantCulture),
                        ["modifytime"] = child.ModifyTime.ToString(CultureInfo.InvariantCulture),
                    }
                    : new JsonObject(),
                ["children"] = null,
                ["isLeaf"] = child.IsFile,
                ["parentPath"] = folder.Path,
            });
        }
        return Envelope(200, "/api/" + route, 0, "OK", new JsonObject
        {
            ["dirFileTrees"] = new JsonObject
            {
                ["name"] = SimulatedFileSystem.Name(folder.Path),
                ["path"] = folder.Path,
                ["properties"] = null,
                ["children"] = children,
                ["isLeaf"] = false,
                ["parentPath"] = null,
            },
        });
    }
}
