using System.Net;
using System.Net.Http.Json;
using System.Text;
using Streamis.Workflows.Host.Tests.StreamisRest;
using Streamis.Workflows.Plugins.Dss.Tests.Support;

namespace Streamis.Workflows.Plugins.Dss.Tests;

/// <summary>
/// The Streamis AppConn's calls in the order DSS makes them (search, create, update with full lists, delete), as the
/// DSS user through the SSO hand-off, with the privilege table read back after every step.
/// </summary>
public sealed class ProjectContractTests(DssHost dss) : IClassFixture<DssHost>
{
    private const string Base = "/api/rest_j/v1/streamis/project";

    [Fact]
    public async Task Create_update_members_and_delete_keep_the_privilege_table_exact()
    {
        var alice = dss.Dss("alice");
        var name = DssHost.UniqueName("flow");

        // DSS searches first; nothing yet, so it creates.
        var search = await Envelope.OkAsync(await alice.GetAsync($"{Base}/searchProject?projectName={name}"));
        Assert.Null(search["data"]!["projectId"]);
        var created = await Envelope.OkAsync(await alice.PostAsJsonAsync($"{Base}/createProject",
            new { projectName = name, workspaceId = 7, releaseUsers = new[] { "alice" }, editUsers = new[] { "alice", "bob" }, accessUsers = new[] { "carol" } }));
        var id = (long)created["data"]!["projectId"]!;
        Assert.Equal(name, (string?)created["data"]!["projectName"]);
        Assert.Equal([("alice", 1), ("alice", 2), ("bob", 2), ("carol", 3)], await dss.PrivilegesAsync(id));
        var found = await Envelope.OkAsync(await alice.GetAsync($"{Base}/searchProject?projectName={name}"));
        Assert.Equal(id, (long)found["data"]!["projectId"]!);

        // DSS sends the full lists: bob moves from edit to access, carol leaves, dave joins edit.
        await Envelope.OkAsync(await alice.PutAsJsonAsync($"{Base}/updateProject",
            new { projectId = id, projectName = name, workspaceId = 7, releaseUsers = new[] { "alice" }, editUsers = new[] { "alice", "dave" }, accessUsers = new[] { "bob" } }));
        Assert.Equal([("alice", 1), ("alice", 2), ("bob", 3), ("dave", 2)], await dss.PrivilegesAsync(id));

        await Envelope.OkAsync(await alice.DeleteAsync($"{Base}/deleteProject?projectId={id}"));
        Assert.Empty(await dss.PrivilegesAsync(id));
        // Deleted projects are not found (see the plugin README): DSS may create the name again.
        Assert.Null((await Envelope.OkAsync(await alice.GetAsync($"{Base}/searchProject?projectName={name}")))["data"]!["projectId"]);
        var again = await Envelope.OkAsync(await alice.PostAsJsonAsync($"{Base}/createProject", new { projectName = name, releaseUsers = new[] { "alice" } }));
        Assert.NotEqual(id, (long)again["data"]!["projectId"]!);
    }

    [Fact]
    public async Task A_duplicate_name_is_refused_with_Streamis_code()
    {
        var name = DssHost.UniqueName("dup");
        var first = await dss.CreateProjectAsync(name, "alice");

        var body = await Envelope.ErrorAsync(await dss.Dss("bob").PostAsJsonAsync($"{Base}/createProject", new { projectName = name, editUsers = new[] { "bob" } }));

        Assert.Contains(name, (string?)body["message"]);
        Assert.Equal(600500, (int)body["data"]!["errorCode"]!);
        Assert.Equal([("alice", 1), ("alice", 2)], await dss.PrivilegesAsync(first));
    }

    [Fact]
    public async Task Unknown_project_ids_are_refused_by_update_and_delete()
    {
        var update = await Envelope.ErrorAsync(await dss.Dss("alice").PutAsJsonAsync($"{Base}/updateProject",
            new { projectId = 987654321, projectName = "ghost", editUsers = new[] { "alice" } }));
        var delete = await Envelope.ErrorAsync(await dss.Dss("alice").DeleteAsync($"{Base}/deleteProject?projectId=987654321"));

        Assert.Equal("project 987654321 does not exist", (string?)update["message"]);
        Assert.Equal(600501, (int)update["data"]!["errorCode"]!);
        Assert.Equal("project 987654321 does not exist", (string?)delete["message"]);
    }

    [Fact]
    public async Task An_update_naming_another_project_changes_nothing()
    {
        var name = DssHost.UniqueName("named");
        var id = await dss.CreateProjectAsync(name, "alice");

        var body = await Envelope.ErrorAsync(await dss.Dss("alice").PutAsJsonAsync($"{Base}/updateProject",
            new { projectId = id, projectName = "some-other-name", editUsers = new[] { "mallory" } }));

        Assert.Contains($"is not the name of project {id}", (string?)body["message"]);
        Assert.Equal([("alice", 1), ("alice", 2)], await dss.PrivilegesAsync(id));
    }

    [Fact]
    public async Task Only_the_creator_an_editor_or_an_admin_may_change_members_and_only_creator_or_release_may_delete()
    {
        var name = DssHost.UniqueName("guarded");
        var id = await dss.CreateProjectAsync(name, "alice", release: ["alice"], edit: ["bob"], access: ["carol"]);

        var byAccessUser = await Envelope.ErrorAsync(await dss.Dss("carol").PutAsJsonAsync($"{Base}/updateProject",
            new { projectId = id, projectName = name, releaseUsers = new[] { "carol" } }));
        var deleteByEditor = await Envelope.ErrorAsync(await dss.Dss("bob").DeleteAsync($"{Base}/deleteProject?projectId={id}"));
        Assert.Equal(600503, (int)byAccessUser["data"]!["errorCode"]!);
        Assert.Contains("carol may not update", (string?)byAccessUser["message"]);
        Assert.Contains("bob may not delete", (string?)deleteByEditor["message"]);
        Assert.Equal([("alice", 1), ("bob", 2), ("carol", 3)], await dss.PrivilegesAsync(id));

        await Envelope.OkAsync(await dss.Dss("bob").PutAsJsonAsync($"{Base}/updateProject",
            new { projectId = id, projectName = name, releaseUsers = new[] { "alice" }, editUsers = new[] { "bob", "erin" }, accessUsers = new[] { "carol" } }));
        await Envelope.OkAsync(await dss.Admin.PutAsJsonAsync($"{Base}/updateProject",
            new { projectId = id, projectName = name, releaseUsers = new[] { "alice" }, editUsers = new[] { "bob", "erin" }, accessUsers = Array.Empty<string>() }));
        Assert.Equal([("alice", 1), ("bob", 2), ("erin", 2)], await dss.PrivilegesAsync(id));
    }

    [Fact]
    public async Task Empty_user_lists_on_update_leave_the_members_as_they_were()
    {
        var name = DssHost.UniqueName("empty");
        var id = await dss.CreateProjectAsync(name, "alice", edit: ["alice", "bob"]);

        var body = await Envelope.OkAsync(await dss.Dss("alice").PutAsJsonAsync($"{Base}/updateProject",
            new { projectId = id, projectName = name, releaseUsers = Array.Empty<string>(), editUsers = Array.Empty<string>(), accessUsers = Array.Empty<string>() }));

        Assert.Contains("unchanged", (string?)body["message"]);
        Assert.Equal([("alice", 1), ("alice", 2), ("bob", 2)], await dss.PrivilegesAsync(id));
    }

    [Fact]
    public async Task A_project_created_with_empty_lists_has_no_members()
    {
        var body = await Envelope.OkAsync(await dss.Dss("alice").PostAsJsonAsync($"{Base}/createProject",
            new { projectName = DssHost.UniqueName("bare"), releaseUsers = Array.Empty<string>(), editUsers = Array.Empty<string>(), accessUsers = Array.Empty<string>() }));

        Assert.Empty(await dss.PrivilegesAsync((long)body["data"]!["projectId"]!));
    }

    [Fact]
    public async Task A_user_in_two_lists_holds_both_rows_and_the_stronger_rank_counts()
    {
        var name = DssHost.UniqueName("twice");
        var id = await dss.CreateProjectAsync(name, "alice", release: ["alice", "bob"], edit: ["alice", "bob"], access: ["bob"]);
        Assert.Equal([("alice", 1), ("alice", 2), ("bob", 1), ("bob", 2), ("bob", 3)], await dss.PrivilegesAsync(id));

        // Taking bob out of release alone leaves his edit and access rows, and his edit rank.
        await Envelope.OkAsync(await dss.Dss("alice").PutAsJsonAsync($"{Base}/updateProject",
            new { projectId = id, projectName = name, releaseUsers = new[] { "alice" }, editUsers = new[] { "alice", "bob" }, accessUsers = new[] { "bob" } }));
        Assert.Equal([("alice", 1), ("alice", 2), ("bob", 2), ("bob", 3)], await dss.PrivilegesAsync(id));
        var edit = await Envelope.OkAsync(await dss.Dss("bob").GetAsync($"{Base}/projectPrivilege/hasEditPrivilege?projectName={name}"));
        var release = await Envelope.OkAsync(await dss.Dss("bob").GetAsync($"{Base}/projectPrivilege/hasReleasePrivilege?projectName={name}"));
        Assert.True((bool)edit["data"]!["editPrivilege"]!);
        Assert.False((bool)release["data"]!["releasePrivilege"]!);
    }

    [Fact]
    public async Task Ten_thousand_users_in_a_list_are_stored_and_diffed_exactly()
    {
        var name = DssHost.UniqueName("crowd");
        var first = Enumerable.Range(0, 10_000).Select(i => $"user{i:D5}").ToArray();
        var id = await dss.CreateProjectAsync(name, "alice", release: ["alice"], edit: ["alice"], access: first);
        Assert.Equal(10_002, (await dss.PrivilegesAsync(id)).Count);

        // Half stay, half are replaced.
        var second = first.Take(5_000).Concat(Enumerable.Range(20_000, 5_000).Select(i => $"user{i:D5}")).ToArray();
        await Envelope.OkAsync(await dss.Dss("alice").PutAsJsonAsync($"{Base}/updateProject",
            new { projectId = id, projectName = name, releaseUsers = new[] { "alice" }, editUsers = new[] { "alice" }, accessUsers = second }));

        var table = await dss.PrivilegesAsync(id);
        Assert.Equal(second.Select(u => (u, 3)).Append(("alice", 1)).Append(("alice", 2)).Order().ToList(), table);
    }

    [Fact]
    public async Task Names_with_quotes_and_Unicode_are_kept_as_written()
    {
        var name = "报表 'quoted' \"project\" " + Guid.NewGuid().ToString("N")[..6];
        var users = new[] { "张三", "o'brien", "\"dq\"", "émile" };
        var id = await dss.CreateProjectAsync(name, "alice", release: ["alice"], edit: users, access: []);

        Assert.Equal(users.Select(u => (u, 2)).Append(("alice", 1)).Order().ToList(), await dss.PrivilegesAsync(id));
        var found = await Envelope.OkAsync(await dss.Dss("alice").GetAsync($"{Base}/searchProject?projectName={Uri.EscapeDataString(name)}"));
        Assert.Equal(id, (long)found["data"]!["projectId"]!);
    }

    [Theory]
    [InlineData("""{"workspaceId": 7}""", "projectName cannot be empty!")]
    [InlineData("""{"projectName": "p", "editUsers": ["a", 7]}""", "editUsers[1] must be a string")]
    [InlineData("""{"projectName": "p", "editUsers": "alice"}""", "editUsers must be a list of strings")]
    [InlineData("""{"projectName": "p", "workspaceId": "seven"}""", "workspaceId must be a whole number")]
    [InlineData("""{"projectName": 12}""", "projectName must be a string")]
    [InlineData("""[1, 2]""", "the body must be a JSON object")]
    [InlineData("""{"projectName": """, "the body is not valid JSON")]
    [InlineData("""{"projectName": "a", "projectName": "b"}""", "'projectName'")]
    [InlineData("""{"projectName": "p", "workspaceId": 1.5}""", "workspaceId must be a whole number")]
    public async Task Malformed_create_bodies_are_named_with_HTTP_400(string json, string message)
    {
        var response = await dss.Dss("alice").PostAsync($"{Base}/createProject", new StringContent(json, Encoding.UTF8, "application/json"));

        var body = await Envelope.BadAsync(response);
        Assert.Contains(message, (string?)body["message"]);
    }

    [Theory]
    [InlineData("   ", "accessUsers[1] is blank")]
    [InlineData("a-name-that-is-far-too-long-for-the-privilege-table-user-column-x", "accessUsers[1] is longer than 64 characters")]
    [InlineData("tab\there", "accessUsers[1] contains control characters")]
    public async Task Bad_user_names_are_refused_with_their_list_and_position_and_nothing_is_stored(string user, string message)
    {
        var name = DssHost.UniqueName("badusers");

        var body = await Envelope.ErrorAsync(await dss.Dss("alice").PostAsJsonAsync($"{Base}/createProject",
            new { projectName = name, accessUsers = new[] { "fine", user } }));

        Assert.Equal(message, (string?)body["message"]);
        Assert.Null((await Envelope.OkAsync(await dss.Dss("alice").GetAsync($"{Base}/searchProject?projectName={name}")))["data"]!["projectId"]);
    }

    [Fact]
    public async Task Names_differing_only_in_case_within_a_list_are_refused_on_every_database()
    {
        var name = DssHost.UniqueName("case");
        var id = await dss.CreateProjectAsync(name, "alice", edit: ["alice"]);

        var create = await Envelope.ErrorAsync(await dss.Dss("alice").PostAsJsonAsync($"{Base}/createProject",
            new { projectName = DssHost.UniqueName("case"), editUsers = new[] { "Alice", "bob", "alice" } }));
        var update = await Envelope.ErrorAsync(await dss.Dss("alice").PutAsJsonAsync($"{Base}/updateProject",
            new { projectId = id, projectName = name, releaseUsers = new[] { "alice" }, editUsers = new[] { "alice", "ALICE" } }));

        Assert.Equal("editUsers[2] \"alice\" and editUsers[0] \"Alice\" differ only in case; the privilege table takes them as one user", (string?)create["message"]);
        Assert.Contains("differ only in case", (string?)update["message"]);
        Assert.Equal([("alice", 1), ("alice", 2)], await dss.PrivilegesAsync(id));
    }

    [Fact]
    public async Task Names_differing_only_in_accents_are_kept_apart_or_refused_whole_never_half_written()
    {
        var name = DssHost.UniqueName("accents");

        var response = await dss.Dss("alice").PostAsJsonAsync($"{Base}/createProject", new { projectName = name, accessUsers = new[] { "émile", "emile" } });

        // SQLite compares names as written; MySQL's collation finds the two equal and the whole create is refused.
        var body = await Envelope.ReadAsync(response, System.Net.HttpStatusCode.OK, (int)(await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["status"]!);
        var id = (await Envelope.OkAsync(await dss.Dss("alice").GetAsync($"{Base}/searchProject?projectName={name}")))["data"]!["projectId"];
        if ((int)body["status"]! == 0) Assert.Equal([("emile", 3), ("émile", 3)], await dss.PrivilegesAsync((long)id!));
        else
        {
            Assert.Contains("the same user to the database", (string?)body["message"]);
            Assert.Null(id);
        }
    }

    [Fact]
    public async Task Search_without_a_name_is_a_named_bad_request()
    {
        var body = await Envelope.BadAsync(await dss.Dss("alice").GetAsync($"{Base}/searchProject"));

        Assert.Equal("projectName cannot be empty!", (string?)body["message"]);
    }

    [Fact]
    public async Task Deleting_a_deleted_project_again_succeeds_as_DSS_may_retry()
    {
        var id = await dss.CreateProjectAsync(DssHost.UniqueName("twice-deleted"), "alice");
        await Envelope.OkAsync(await dss.Dss("alice").DeleteAsync($"{Base}/deleteProject?projectId={id}"));

        var again = await Envelope.OkAsync(await dss.Dss("alice").DeleteAsync($"{Base}/deleteProject?projectId={id}"));

        Assert.Contains("already deleted", (string?)again["message"]);
    }

    [Fact]
    public async Task Callers_who_are_not_signed_in_get_the_Linkis_login_answer()
    {
        var response = await dss.Host.CreateClient().PostAsJsonAsync($"{Base}/createProject", new { projectName = "x" });

        await Envelope.ReadAsync(response, HttpStatusCode.Unauthorized, -1);
    }
}
