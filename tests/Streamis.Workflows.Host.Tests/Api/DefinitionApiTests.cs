using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Tests.Support;

namespace Streamis.Workflows.Host.Tests.Api;

public class DefinitionApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private readonly HttpClient admin = fixture.Host.ClientFor("admin");

    /// <summary>Three problems: an unknown type, a missing required input, and a connection to nowhere.</summary>
    private static string Broken(string id) => """
    {"id": "@id", "name": "Broken",
     "root": {"id": "flow", "type": "Flowchart",
       "activities": [
         {"id": "mystery", "type": "NoSuchActivity"},
         {"id": "say", "type": "Log"}
       ],
       "connections": [{"from": "say", "outcome": "Done", "to": "nowhere"}]}}
    """.Replace("@id", id);

    private static readonly (string Path, string Fragment)[] BrokenProblems =
    [
        ("$.root.activities[0].type", "NoSuchActivity"),
        ("$.root.activities[1].inputs.message", "required"),
        ("$.root.connections[0].to", "nowhere"),
    ];

    private static void AssertBrokenProblems(IReadOnlyList<(string Path, string Message)> problems)
    {
        foreach (var (path, fragment) in BrokenProblems)
            Assert.Contains(problems, p => p.Path == path && p.Message.Contains(fragment, StringComparison.Ordinal));
    }

    private static List<(string Path, string Message)> ProblemsOf(JsonObject saved) =>
        saved["problems"]!.AsArray().Select(p => ((string)p!["path"]!, (string)p["message"]!)).ToList();

    [Fact]
    public async Task Saving_a_draft_with_problems_stores_it_and_answers_the_problems()
    {
        var id = TestWorkflows.UniqueId("draft");

        var saved = await admin.SaveDefinitionAsync(Broken(id), publish: false);

        Assert.Equal(id, (string?)saved["definitionId"]);
        Assert.Equal(1, (int)saved["version"]!);
        Assert.False((bool)saved["isPublished"]!);
        AssertBrokenProblems(ProblemsOf(saved));
        var stored = await (await admin.GetAsync($"/api/workflows/definitions/{id}?version=latest")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("NoSuchActivity", (string?)stored["definition"]!["root"]!["activities"]![0]!["type"]);
        Assert.False((bool)stored["isPublished"]!);
    }

    [Fact]
    public async Task Publishing_a_definition_with_problems_is_refused_with_every_problem_and_its_path()
    {
        var id = TestWorkflows.UniqueId("refused");

        var refused = await (await admin.PostJsonAsync("/api/workflows/definitions?publish=true", Broken(id))).ProblemAsync(HttpStatusCode.BadRequest);
        AssertBrokenProblems(refused.Errors());
        Assert.Equal(3, refused.Errors().Count);
        await (await admin.GetAsync($"/api/workflows/definitions/{id}")).ProblemAsync(HttpStatusCode.NotFound);

        await admin.SaveDefinitionAsync(Broken(id), publish: false);
        var publish = await (await admin.PostAsync($"/api/workflows/definitions/{id}/publish", null)).ProblemAsync(HttpStatusCode.BadRequest);
        AssertBrokenProblems(publish.Errors());
        var versions = await admin.GetFromJsonArrayAsync($"/api/workflows/definitions/{id}/versions");
        Assert.All(versions, v => Assert.False((bool)v!["isPublished"]!));
    }

    [Fact]
    public async Task Validate_answers_the_problems_without_saving()
    {
        var id = TestWorkflows.UniqueId("validate");

        var broken = await (await admin.PostJsonAsync("/api/workflows/definitions/validate", Broken(id))).JsonAsync(HttpStatusCode.OK);
        Assert.False((bool)broken["valid"]!);
        AssertBrokenProblems(ProblemsOf(broken));

        var sound = await (await admin.PostJsonAsync("/api/workflows/definitions/validate", TestWorkflows.Greeting(id))).JsonAsync(HttpStatusCode.OK);
        Assert.True((bool)sound["valid"]!);
        Assert.Empty(sound["problems"]!.AsArray());

        var unreadable = await (await admin.PostJsonAsync("/api/workflows/definitions/validate", "{\"id\": ")).JsonAsync(HttpStatusCode.OK);
        Assert.False((bool)unreadable["valid"]!);
        Assert.Equal("$", (string?)unreadable["problems"]![0]!["path"]);

        // A viewer may validate (it changes nothing); nothing was saved.
        var viewer = fixture.Host.ClientFor("viewer");
        await (await viewer.PostJsonAsync("/api/workflows/definitions/validate", TestWorkflows.Greeting(id))).JsonAsync(HttpStatusCode.OK);
        await (await admin.GetAsync($"/api/workflows/definitions/{id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Versions_follow_saves_and_publishes()
    {
        var id = TestWorkflows.UniqueId("versions");
        var json = TestWorkflows.Greeting(id);

        Assert.Equal(1, (int)(await admin.SaveDefinitionAsync(json, publish: false))["version"]!);
        // A draft is updated in place until it is published.
        Assert.Equal(1, (int)(await admin.SaveDefinitionAsync(json.Replace("\"Greeting\"", "\"Greeting v1\""), publish: false))["version"]!);
        var published = await (await admin.PostAsync($"/api/workflows/definitions/{id}/publish", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)published["version"]!);
        Assert.True((bool)published["isPublished"]!);
        // After a publish, a save starts the next version; saving with publish=true publishes it and retires v1.
        Assert.Equal(2, (int)(await admin.SaveDefinitionAsync(json.Replace("\"Greeting\"", "\"Greeting v2\""), publish: false))["version"]!);
        Assert.Equal(2, (int)(await admin.SaveDefinitionAsync(json.Replace("\"Greeting\"", "\"Greeting v2\"")))["version"]!);
        Assert.Equal(3, (int)(await admin.SaveDefinitionAsync(json.Replace("\"Greeting\"", "\"Greeting v3\""), publish: false))["version"]!);

        var versions = await admin.GetFromJsonArrayAsync($"/api/workflows/definitions/{id}/versions");
        Assert.Equal([(3, "Greeting v3", true, false), (2, "Greeting v2", false, true), (1, "Greeting v1", false, false)],
            versions.Select(v => ((int)v!["version"]!, (string)v["name"]!, (bool)v["isLatest"]!, (bool)v["isPublished"]!)));
        Assert.All(versions, v => Assert.False(string.IsNullOrEmpty((string?)v!["hash"])));

        Assert.Equal(2, await VersionAsync(""));
        Assert.Equal(2, await VersionAsync("?version=published"));
        Assert.Equal(3, await VersionAsync("?version=latest"));
        Assert.Equal(1, await VersionAsync("?version=1"));
        var v1 = await (await admin.GetAsync($"/api/workflows/definitions/{id}?version=1")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Greeting v1", (string?)v1["definition"]!["name"]);
        await (await admin.GetAsync($"/api/workflows/definitions/{id}?version=9")).ProblemAsync(HttpStatusCode.NotFound);
        var notAVersion = await (await admin.GetAsync($"/api/workflows/definitions/{id}?version=newest")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("$.version", notAVersion.Errors().Single().Path);

        var listed = (await admin.GetFromJsonArrayAsync("/api/workflows/definitions")).Single(d => (string?)d!["definitionId"] == id)!;
        Assert.Equal((3, 2, "Greeting v3"), ((int)listed["latestVersion"]!, (int)listed["publishedVersion"]!, (string)listed["name"]!));

        // Publishing an older version takes it back into use; new instances start on it.
        await (await admin.PostAsync($"/api/workflows/definitions/{id}/publish?version=1", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, await VersionAsync(""));
        var instance = await fixture.Host.ClientFor("operator").StartAndWaitAsync(id, new { who = "v1" });
        Assert.Equal(1, (int)instance["summary"]!["definitionVersion"]!);

        async Task<int> VersionAsync(string query) =>
            (int)(await (await admin.GetAsync($"/api/workflows/definitions/{id}{query}")).JsonAsync(HttpStatusCode.OK))["version"]!;
    }

    [Fact]
    public async Task Retract_takes_the_published_version_out_of_use()
    {
        var id = TestWorkflows.UniqueId("retract");
        await admin.SaveDefinitionAsync(TestWorkflows.Greeting(id));
        var operatorClient = fixture.Host.ClientFor("operator");
        Assert.Equal("Completed", (await operatorClient.StartAndWaitAsync(id, new { who = "before" })).Status());

        var retracted = await (await admin.PostAsync($"/api/workflows/definitions/{id}/retract", null)).JsonAsync(HttpStatusCode.OK);
        Assert.False((bool)retracted["published"]!);

        var start = await operatorClient.PostAsJsonAsync("/api/workflows/instances", new { definitionId = id, input = new { who = "after" } });
        Assert.Contains(id, (string?)(await start.ProblemAsync(HttpStatusCode.NotFound))["detail"]);
        await (await admin.GetAsync($"/api/workflows/definitions/{id}?version=published")).ProblemAsync(HttpStatusCode.NotFound);
        // The definition itself is still there.
        Assert.Equal(1, (int)(await (await admin.GetAsync($"/api/workflows/definitions/{id}")).JsonAsync(HttpStatusCode.OK))["version"]!);
        await (await admin.PostAsync($"/api/workflows/definitions/{id}/retract", null)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_definition_is_a_404_problem_everywhere()
    {
        var id = TestWorkflows.UniqueId("unknown");

        foreach (var response in new[]
        {
            await admin.GetAsync($"/api/workflows/definitions/{id}"),
            await admin.GetAsync($"/api/workflows/definitions/{id}?version=3"),
            await admin.GetAsync($"/api/workflows/definitions/{id}/versions"),
            await admin.PostAsync($"/api/workflows/definitions/{id}/publish", null),
            await admin.PostAsync($"/api/workflows/definitions/{id}/publish?version=2", null),
            await admin.PostAsync($"/api/workflows/definitions/{id}/retract", null),
        })
        {
            var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
            Assert.Contains(id, (string?)problem["detail"]);
        }
    }

    [Theory]
    [InlineData("/api/workflows/definitions")]
    [InlineData("/api/workflows/definitions/import")]
    public async Task Malformed_json_is_a_400_saying_where(string url)
    {
        var problem = await (await admin.PostJsonAsync(url, "{\"id\": \"x\",\n \"name\": oops}")).ProblemAsync(HttpStatusCode.BadRequest);

        var (path, message) = Assert.Single(problem.Errors());
        Assert.Equal("$", path);
        Assert.Contains("not valid JSON at line 2", message);
    }

    [Theory]
    [InlineData("/api/workflows/definitions", "")]
    [InlineData("/api/workflows/definitions", "   \n")]
    [InlineData("/api/workflows/definitions/import", "")]
    [InlineData("/api/workflows/definitions/validate", "")]
    public async Task An_empty_body_is_a_400(string url, string body)
    {
        var problem = await (await admin.PostJsonAsync(url, body)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(problem.Errors(), e => e.Path == "$" && e.Message.Contains("empty"));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"a definition\"")]
    [InlineData("null")]
    [InlineData("42")]
    public async Task A_body_that_is_not_an_object_is_a_400(string body)
    {
        var problem = await (await admin.PostJsonAsync("/api/workflows/definitions", body)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(problem.Errors(), e => e.Path == "$" && e.Message.Contains("JSON object"));
    }

    [Fact]
    public async Task Import_saves_and_publishes_like_save()
    {
        var id = TestWorkflows.UniqueId("import");

        var imported = await (await admin.PostJsonAsync("/api/workflows/definitions/import?publish=true", TestWorkflows.Greeting(id))).JsonAsync(HttpStatusCode.OK);

        Assert.True((bool)imported["isPublished"]!);
        var instance = await fixture.Host.ClientFor("operator").StartAndWaitAsync(id, new { who = "importer" });
        Assert.Equal("Hello importer", (string?)instance["output"]!["greeting"]);
    }

    [Fact]
    public async Task Query_values_that_cannot_be_read_are_400_problems()
    {
        var id = TestWorkflows.UniqueId("query");
        await admin.SaveDefinitionAsync(TestWorkflows.Greeting(id), publish: false);

        await (await admin.PostJsonAsync("/api/workflows/definitions?publish=maybe", TestWorkflows.Greeting(id))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PostAsync($"/api/workflows/definitions/{id}/publish?version=first", null)).ProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.GetAsync($"/api/workflows/definitions/{id}?version=-1")).ProblemAsync(HttpStatusCode.BadRequest);
    }
}
