using System.Net;
using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Tests.Support;
using Streamis.Workflows.Plugins.Dss.Tests.Support;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Services;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Streamis.Workflows.Plugins.Dss.Tests;

/// <summary>The scheduled <c>dss-project-sync</c> workflow pulling projects and members from DSS' <c>getAllProjects</c>.</summary>
public sealed class ProjectSyncTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static Dictionary<string, string?> SyncSettings(string tokenCode = DssGateway.SyncTokenCode) => new()
    {
        ["Plugins:dss:TokenUser"] = DssGateway.SyncTokenUser,
        ["Plugins:dss:TokenCode"] = tokenCode,
        ["Plugins:dss:ProjectSync:Interval"] = "00:00:01",
        ["Plugins:dss:ProjectSync:WorkspaceIds:0"] = "7",
    };

    [Fact]
    public async Task Missing_projects_are_created_and_differing_members_set_while_a_bad_one_is_reported()
    {
        using var dss = DssHost.With(SyncSettings());
        var existing = DssHost.UniqueName("synced-b");
        var existingId = await dss.CreateProjectAsync(existing, "alice", release: ["alice"], edit: ["alice"], access: ["zoe"]);
        var missing = DssHost.UniqueName("synced-a");
        dss.Gateway.ListProjects(7, new JsonArray(
            Project(missing, ["alice"], ["alice", "bob"], ["carol"]),
            Project(existing, ["alice"], ["alice", "bob"], []),
            Project("bad/name", ["x"], [], [])));

        var synced = await WaitForAsync(async () => await dss.Service<ProjectService>().FindAsync(missing) is { } p ? p : null);
        var run = await WaitForAsync(() => CompletedSyncAsync(dss));

        Assert.Equal("dss-sync", synced.CreateBy);
        Assert.Equal(7, synced.WorkspaceId);
        Assert.Equal([("alice", 1), ("alice", 2), ("bob", 2), ("carol", 3)], await dss.PrivilegesAsync(synced.Id));
        await WaitForAsync(async () => (await dss.PrivilegesAsync(existingId)).Count == 3 ? "" : null);
        Assert.Equal([("alice", 1), ("alice", 2), ("bob", 2)], await dss.PrivilegesAsync(existingId));
        var failed = Assert.Single(run["output"]!["failed"]!.AsArray());
        Assert.Equal("bad/name", (string?)failed!["project"]);
        Assert.Contains("may not contain '/'", (string?)failed["message"]);
    }

    [Fact]
    public async Task A_refused_token_faults_the_sync_with_the_gateway_answer_and_never_the_token()
    {
        using var dss = DssHost.With(SyncSettings(tokenCode: "wrong-secret"));
        dss.Gateway.ListProjects(7, []);
        dss.Gateway.Server.Given(Request.Create().WithPath(DssGateway.ProjectsPath).UsingPost()).AtPriority(100)
            .RespondWith(Response.Create().WithStatusCode(401).WithBody(
                """{"method":"/api/rest_j/v1/dss/framework/project/getAllProjects","status":-1,"message":"Token Authentication Failed, token: wrong-secret，tokenUser: hadoop, reason: errCode: 15201 ,desc: Token is not valid or stale!","data":{}}"""));

        var instance = await WaitForAsync(async () =>
        {
            var page = await (await dss.Admin.GetAsync("/api/workflows/instances?definitionId=dss-project-sync&status=Faulted")).JsonAsync(HttpStatusCode.OK);
            return page["items"]!.AsArray().FirstOrDefault() is { } item ? await dss.Admin.InstanceAsync((string)item["id"]!) : null;
        });

        var incident = (string)instance["incidents"]![0]!["message"]!;
        Assert.Contains("refused POST /api/rest_j/v1/dss/framework/project/getAllProjects (workspace 7): status -1", incident);
        Assert.Contains(dss.Gateway.Url, incident);
        // The gateway echoes the token in its message; the sync's own words never carry the configured one.
        Assert.DoesNotContain("wrong-secret", incident.Replace("token: wrong-secret", ""));
    }

    private static JsonObject Project(string name, string[] release, string[] edit, string[] access) => new()
    {
        ["id"] = 1, ["name"] = name, ["description"] = "from DSS", ["createBy"] = "alice",
        ["releaseUsers"] = new JsonArray(release.Select(u => (JsonNode?)u).ToArray()),
        ["editUsers"] = new JsonArray(edit.Select(u => (JsonNode?)u).ToArray()),
        ["accessUsers"] = new JsonArray(access.Select(u => (JsonNode?)u).ToArray()),
    };

    private static async Task<JsonObject?> CompletedSyncAsync(DssHost dss)
    {
        var page = await (await dss.Admin.GetAsync("/api/workflows/instances?definitionId=dss-project-sync&status=Completed")).JsonAsync(HttpStatusCode.OK);
        return page["items"]!.AsArray().FirstOrDefault() is { } item ? await dss.Admin.InstanceAsync((string)item["id"]!) : null;
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe) where T : class
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await probe() is { } found) return found;
            if (DateTime.UtcNow > deadline) Assert.Fail("the sync did not get there in time");
            await Task.Delay(100);
        }
    }
}
