using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Tests.Support;

namespace Streamis.Workflows.Host.Tests.Projects;

/// <summary>Projects and members managed through our own API, for a host without DSS.</summary>
public class ProjectApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private readonly HttpClient admin = fixture.Host.ClientFor("admin");

    [Fact]
    public async Task An_admin_creates_a_project_changes_its_members_renames_and_deletes_it()
    {
        var name = TestWorkflows.UniqueId("proj");
        var created = await (await admin.PostAsJsonAsync("/api/projects",
            new { name, releaseUsers = new[] { "rita" }, editUsers = new[] { "ed", "eve" }, accessUsers = new[] { "al" } })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(name, (string?)created["name"]);
        Assert.Equal(["ed", "eve"], Users(created, "editUsers"));

        // A list given replaces that rank's members; one left out stays as it was.
        var updated = await (await admin.PutAsJsonAsync($"/api/projects/{name}", new { editUsers = new[] { "eve", "zoe" } })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["eve", "zoe"], Users(updated, "editUsers"));
        Assert.Equal(["rita"], Users(updated, "releaseUsers"));
        Assert.Equal(["al"], Users(updated, "accessUsers"));

        var renamed = TestWorkflows.UniqueId("renamed");
        await (await admin.PutAsJsonAsync($"/api/projects/{name}", new { name = renamed })).JsonAsync(HttpStatusCode.OK);
        await (await admin.GetAsync($"/api/projects/{name}")).ProblemAsync(HttpStatusCode.NotFound);
        var read = await (await admin.GetAsync($"/api/projects/{renamed}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["eve", "zoe"], Users(read, "editUsers"));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/projects/{renamed}")).StatusCode);
        await (await admin.GetAsync($"/api/projects/{renamed}")).ProblemAsync(HttpStatusCode.NotFound);
        // The name is free again after a soft delete.
        await (await admin.PostAsJsonAsync("/api/projects", new { name = renamed })).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_duplicate_name_is_a_conflict_and_bad_fields_are_named()
    {
        var name = TestWorkflows.UniqueId("dup");
        await (await admin.PostAsJsonAsync("/api/projects", new { name })).JsonAsync(HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync("/api/projects", new { name })).ProblemAsync(HttpStatusCode.Conflict);

        var bad = await (await admin.PostJsonAsync("/api/projects", """{"editUsers": "ed", "accessUsers": ["ok", 5, ""], "workspaceId": "x"}"""))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["$.accessUsers[1]", "$.accessUsers[2]", "$.editUsers", "$.name", "$.workspaceId"], bad.Errors().Select(e => e.Path).Order(StringComparer.Ordinal));
        await (await admin.PutAsJsonAsync("/api/projects/no-such-project", new { editUsers = new[] { "x" } })).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync("/api/projects/no-such-project")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Members_set_here_govern_the_Streamis_privilege_queries()
    {
        var name = TestWorkflows.UniqueId("priv");
        await (await admin.PostAsJsonAsync("/api/projects", new { name, editUsers = new[] { "watcher" } })).JsonAsync(HttpStatusCode.Created);
        var viewer = fixture.Host.ClientFor("viewer");

        var edit = await viewer.GetFromJsonAsync<JsonObject>($"/api/rest_j/v1/streamis/project/projectPrivilege/hasEditPrivilege?projectName={name}");
        var release = await viewer.GetFromJsonAsync<JsonObject>($"/api/rest_j/v1/streamis/project/projectPrivilege/hasReleasePrivilege?projectName={name}");

        Assert.Equal(0, (int)edit!["status"]!);
        Assert.True((bool)edit["data"]!["editPrivilege"]!);
        Assert.False((bool)release!["data"]!["releasePrivilege"]!);
    }

    private static List<string> Users(JsonObject project, string list) => project[list]!.AsArray().Select(u => (string)u!).ToList();
}
