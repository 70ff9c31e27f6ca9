using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Tests.StreamisRest;
using Streamis.Workflows.Host.Tests.Support;
using Streamis.Workflows.Plugins.Dss.Tests.Support;

namespace Streamis.Workflows.Plugins.Dss.Tests;

/// <summary>A DSS node's ref: create, read, update, copy, delete, and export/import between two projects, plus bad input.</summary>
public sealed class NodeRefTests(DssHost dss) : IClassFixture<DssHost>
{
    [Fact]
    public async Task Create_answers_a_small_id_map_and_the_ref_reads_back()
    {
        var project = await ProjectAsync();
        var workflow = await PublishAsync();

        var created = await Envelope.OkAsync(await dss.Dss("alice").PostAsJsonAsync($"{NodeCalls.Refs}/create", new
        {
            nodeName = "nightly 'restart' 夜间", definitionId = workflow, inputs = """{"runDate": "${run_date}"}""", refProjectId = project,
            labels = new { route = "prod" }, orcVersion = "v000003",
        }));

        var content = created["data"]!["refJobContent"]!.AsObject();
        Assert.Equal(["refId"], content.Select(p => p.Key));
        var read = await dss.Dss("bob").DataAsync($"{NodeCalls.Refs}/get?refId={content["refId"]}");
        var node = read["ref"]!;
        Assert.Equal("nightly 'restart' 夜间", (string?)node["nodeName"]);
        Assert.Equal(workflow, (string?)node["definitionId"]);
        Assert.Equal(project, (long)node["projectId"]!);
        Assert.Equal("${run_date}", (string?)node["inputs"]!["runDate"]);
        Assert.Equal("prod", (string?)node["labels"]!["route"]);
        Assert.Equal("v000003", (string?)node["flowVersion"]);
        Assert.Equal("alice", (string?)node["createdBy"]);
    }

    [Fact]
    public async Task Update_changes_only_what_is_given_and_checks_the_inputs_against_the_workflow()
    {
        var project = await ProjectAsync();
        var alice = dss.Dss("alice");
        var content = await alice.CreateRefAsync(project, await PublishAsync(), new { runDate = "a" }, nodeName: "before");

        await Envelope.OkAsync(await alice.PostAsJsonAsync($"{NodeCalls.Refs}/update", new { refJobContent = content.ToJsonString(), inputs = new { runDate = "b", target = "t" } }));
        var bad = await Envelope.BadAsync(await alice.PostAsJsonAsync($"{NodeCalls.Refs}/update", new { refJobContent = content, inputs = new { runDate = "c", colour = "red" } }));

        var node = (await alice.DataAsync($"{NodeCalls.Refs}/get?refId={content["refId"]}"))["ref"]!;
        Assert.Equal("before", (string?)node["nodeName"]);
        Assert.Equal("b", (string?)node["inputs"]!["runDate"]);
        Assert.Equal("t", (string?)node["inputs"]!["target"]);
        Assert.Contains("inputs: workflow", (string?)bad["message"]);
        Assert.Contains("has no input \"colour\" (it takes runDate, target, run_date)", (string?)bad["message"]);
    }

    [Fact]
    public async Task Export_then_import_into_another_project_makes_an_equal_ref_that_runs()
    {
        var source = await ProjectAsync();
        var target = await ProjectAsync();
        var alice = dss.Dss("alice");
        var workflow = await PublishAsync();
        var original = await alice.CreateRefAsync(source, workflow, new { runDate = "${run_date}", target = "orders" });

        var exported = await Envelope.OkAsync(await alice.PostAsJsonAsync($"{NodeCalls.Refs}/export", new { refJobContent = original }));
        var document = exported["data"]!["document"]!.AsObject();
        // The document travels as text (the Java AppConn keeps it in BML), so it comes back as a string.
        var imported = await Envelope.OkAsync(await alice.PostAsJsonAsync($"{NodeCalls.Refs}/import",
            new { document = document.ToJsonString(), refProjectId = target, newVersion = "v000009" }));

        var copy = imported["data"]!["ref"]!;
        var first = (await alice.DataAsync($"{NodeCalls.Refs}/get?refId={original["refId"]}"))["ref"]!;
        Assert.NotEqual((string?)first["refId"], (string?)copy["refId"]);
        Assert.Equal(target, (long)copy["projectId"]!);
        Assert.Equal("v000009", (string?)copy["flowVersion"]);
        foreach (var field in new[] { "nodeName", "definitionId", "inputs", "labels" })
            Assert.True(JsonNode.DeepEquals(first[field], copy[field]), $"{field}: {first[field]?.ToJsonString()} vs {copy[field]?.ToJsonString()}");
        var run = await alice.SubmitAsync(imported["data"]!["refJobContent"]!.AsObject(), new { run_date = "20260101" });
        Assert.Equal("Running", await alice.PollUntilAsync(run, "Running"));
        await Envelope.OkAsync(await alice.PostAsJsonAsync($"{NodeCalls.Executions}/kill", new { executionId = run }));
    }

    [Fact]
    public async Task Copy_makes_a_new_ref_and_delete_removes_only_the_one_named()
    {
        var project = await ProjectAsync();
        var alice = dss.Dss("alice");
        var original = await alice.CreateRefAsync(project, await PublishAsync(), new { runDate = "x" });

        var copied = await Envelope.OkAsync(await alice.PostAsJsonAsync($"{NodeCalls.Refs}/copy", new { refJobContent = original, nodeName = "copy", newVersion = "v2" }));
        var copy = copied["data"]!["refJobContent"]!.AsObject();
        await Envelope.OkAsync(await alice.PostAsJsonAsync($"{NodeCalls.Refs}/delete", new { refJobContent = original }));

        var gone = await Envelope.ErrorAsync(await alice.GetAsync($"{NodeCalls.Refs}/get?refId={original["refId"]}"));
        Assert.Equal($"node ref {original["refId"]} does not exist", (string?)gone["message"]);
        var kept = (await alice.DataAsync($"{NodeCalls.Refs}/get?refId={copy["refId"]}"))["ref"]!;
        Assert.Equal("copy", (string?)kept["nodeName"]);
        Assert.Equal("x", (string?)kept["inputs"]!["runDate"]);
        var again = await Envelope.OkAsync(await alice.PostAsJsonAsync($"{NodeCalls.Refs}/delete", new { refJobContent = original }));
        Assert.Contains("already deleted", (string?)again["message"]);
    }

    [Fact]
    public async Task Refs_follow_the_project_privileges()
    {
        var project = await ProjectAsync();
        var workflow = await PublishAsync();
        var node = await dss.Dss("alice").CreateRefAsync(project, workflow, new { runDate = "x" });

        var createByReader = await Envelope.ErrorAsync(await dss.Dss("bob").PostAsJsonAsync($"{NodeCalls.Refs}/create",
            new { nodeName = "n", definitionId = workflow, refProjectId = project }));
        var readByStranger = await Envelope.ErrorAsync(await dss.Dss("dave").GetAsync($"{NodeCalls.Refs}/get?refId={node["refId"]}"));
        var deleteByReader = await Envelope.ErrorAsync(await dss.Dss("bob").PostAsJsonAsync($"{NodeCalls.Refs}/delete", new { refJobContent = node }));

        Assert.Contains("bob has no edit privilege", (string?)createByReader["message"]);
        Assert.Contains("dave has no access privilege", (string?)readByStranger["message"]);
        Assert.Contains("bob has no edit privilege", (string?)deleteByReader["message"]);
        await Envelope.OkAsync(await dss.Dss("alice").GetAsync($"{NodeCalls.Refs}/get?refId={node["refId"]}"));
    }

    [Fact]
    public async Task Unknown_projects_workflows_and_refs_are_refused_clearly()
    {
        var project = await ProjectAsync();
        var alice = dss.Dss("alice");

        var noProject = await Envelope.ErrorAsync(await alice.PostAsJsonAsync($"{NodeCalls.Refs}/create",
            new { nodeName = "n", definitionId = "whatever", refProjectId = 987654321 }));
        var noWorkflow = await Envelope.ErrorAsync(await alice.PostAsJsonAsync($"{NodeCalls.Refs}/create",
            new { nodeName = "n", definitionId = "no-such-workflow", refProjectId = project }));
        var noRef = await Envelope.ErrorAsync(await alice.PostAsJsonAsync($"{NodeCalls.Executions}/submit",
            new { refJobContent = new { refId = "0123456789abcdef0123456789abcdef" } }));
        var badRef = await Envelope.BadAsync(await alice.PostAsJsonAsync($"{NodeCalls.Executions}/submit",
            new { refJobContent = new { refId = "../../etc/passwd" } }));

        Assert.Equal("project 987654321 does not exist", (string?)noProject["message"]);
        Assert.Equal(600501, (int)noProject["data"]!["errorCode"]!);
        Assert.Equal("there is no published workflow \"no-such-workflow\"", (string?)noWorkflow["message"]);
        Assert.Equal("node ref 0123456789abcdef0123456789abcdef does not exist", (string?)noRef["message"]);
        Assert.Equal("refJobContent.refId \"../../etc/passwd\" is not a node ref id (32 hex digits)", (string?)badRef["message"]);
    }

    [Theory]
    [InlineData("""{"definitionId": "w", "refProjectId": 1}""", "nodeName cannot be empty!")]
    [InlineData("""{"nodeName": "n", "refProjectId": 1}""", "definitionId cannot be empty!")]
    [InlineData("""{"nodeName": "n", "definitionId": "w"}""", "refProjectId cannot be empty!")]
    [InlineData("""{"nodeName": "n", "definitionId": "w", "refProjectId": 1, "inputs": "{not json"}""", "inputs is not a JSON object")]
    [InlineData("""{"nodeName": "n", "definitionId": "w", "refProjectId": 1, "inputs": [1]}""", "inputs must be a JSON object")]
    [InlineData("""{"nodeName": "n", "definitionId": "w", "refProjectId": 1, "definitionVersion": 0}""", "definitionVersion must be 1 or more")]
    [InlineData("""{"nodeName": "n", "definitionId": "w", "refProjectId": 1, "labels": {"route": ["a"]}}""", "labels.route must be a string")]
    public async Task Malformed_create_bodies_are_named_with_HTTP_400(string json, string message)
    {
        var response = await dss.Dss("alice").PostAsync($"{NodeCalls.Refs}/create", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Contains(message, (string?)(await Envelope.BadAsync(response))["message"]);
    }

    [Fact]
    public async Task An_import_of_something_that_is_not_an_exported_node_is_named()
    {
        var project = await ProjectAsync();

        var body = await Envelope.BadAsync(await dss.Dss("alice").PostAsJsonAsync($"{NodeCalls.Refs}/import",
            new { document = new { format = "something-else", inputs = "x" }, refProjectId = project }));

        Assert.Equal("document.format must be \"streamis-dss-node/1\"; document.nodeName cannot be empty!; document.definitionId cannot be empty!; document.inputs must be a JSON object",
            (string?)body["message"]);
    }

    private Task<long> ProjectAsync() => dss.CreateProjectAsync(DssHost.UniqueName("refs"), "alice", release: ["alice"], edit: ["alice"], access: ["bob"]);

    private async Task<string> PublishAsync()
    {
        var id = TestWorkflows.UniqueId("dss-ref");
        await dss.Admin.SaveDefinitionAsync(NodeWorkflows.Waiting(id, TestWorkflows.UniqueId("sig")));
        return id;
    }
}
