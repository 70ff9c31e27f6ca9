using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using WireMock;

namespace Streamis.Workflows.Simulation;

/// <summary>
/// DSS behind the same gateway: <c>POST dss/framework/project/getAllProjects {workspaceId}</c> lists a workspace's
/// projects with their release, edit and access users, to token callers (the gateway's token check applies).
/// </summary>
public sealed partial class LinkisSimulation
{
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<string, JsonObject>> dssProjects = new();

    /// <summary>Adds (or replaces) a project DSS lists in <paramref name="workspaceId"/>.</summary>
    public void AddDssProject(long workspaceId, string name, IEnumerable<string> releaseUsers, IEnumerable<string>? editUsers = null, IEnumerable<string>? accessUsers = null)
    {
        static JsonArray Users(IEnumerable<string>? users) => new((users ?? []).Select(u => (JsonNode?)u).ToArray());
        var projects = dssProjects.GetOrAdd(workspaceId, _ => new ConcurrentDictionary<string, JsonObject>(StringComparer.Ordinal));
        projects[name] = new JsonObject
        {
            ["id"] = projects.Count + 1,
            ["name"] = name,
            ["description"] = "from the simulated DSS",
            ["createBy"] = Options.AdminUser,
            ["releaseUsers"] = Users(releaseUsers),
            ["editUsers"] = Users(editUsers),
            ["accessUsers"] = Users(accessUsers),
        };
    }

    private ResponseMessage DssProjects(string route, JsonNode? json)
    {
        if (json?["workspaceId"] is not JsonValue value || !long.TryParse(value.ToString(), out var workspaceId))
            return Thrown("dss-framework-project-server", 0, "operation failed(操作失败)s！the reason(原因)：NullPointerException: workspaceId");
        var projects = dssProjects.TryGetValue(workspaceId, out var listed) ? listed.Values.Select(p => (JsonNode?)p.DeepClone()).ToArray() : [];
        return Envelope(200, "/api/" + route, 0, "获取工作空间的工程成功", new JsonObject { ["projects"] = new JsonArray(projects) });
    }
}
