using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Streamis.Workflows.Host.Tests.StreamisRest;

/// <summary><c>/streamJobManager/config</c>: definitions and a job's nested JSON configuration.</summary>
public class StreamisConfigApiTests(StreamisFixture fixture) : IClassFixture<StreamisFixture>
{
    private const string Config = StreamisFixture.Base + "/streamJobManager/config";

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    [Fact]
    public async Task Definitions_are_root_groups_with_their_children_in_streamis_field_names()
    {
        var body = await Envelope.OkAsync(await fixture.As("watcher").GetAsync($"{Config}/definitions"));

        var groups = body["data"]!["def"]!.AsArray().Select(d => d!.AsObject()).ToList();
        var resource = groups.Single(g => (string?)g["key"] == "wds.linkis.flink.resource");
        Assert.Equal("NONE", (string?)resource["type"]);
        Assert.Equal(0, (int)resource["level"]!);
        var parallelism = resource["child_def"]!.AsArray().Select(c => c!.AsObject()).Single(c => (string?)c["key"] == "wds.linkis.flink.app.parallelism");
        Assert.Equal("NUMBER", (string?)parallelism["type"]);
        Assert.Equal("4", (string?)parallelism["default_value"]);
        Assert.Equal("Regex", (string?)parallelism["validate_type"]);
        Assert.Equal(@"^([1-9]\d{0,1}|100)$", (string?)parallelism["validate_rule"]);
        Assert.True((bool)parallelism["required"]!);
        Assert.True((bool)parallelism["visiable"]!);
        Assert.IsType<JsonArray>(parallelism["ref_values"]);
        Assert.Empty(groups.Single(g => (string?)g["key"] == "wds.linkis.flink.custom")["child_def"]!.AsArray());
        var produce = groups.Single(g => (string?)g["key"] == "wds.linkis.flink.produce")["child_def"]!.AsArray();
        Assert.Equal(["ON", "OFF"], produce.Single(c => (string?)c!["key"] == "wds.linkis.flink.checkpoint.switch")!["ref_values"]!.AsArray().Select(v => (string)v!));
        Assert.DoesNotContain(groups, g => ((string)g["key"]!).StartsWith("wds.linkis.flink.alert", StringComparison.Ordinal));
        Assert.DoesNotContain(groups.SelectMany(g => g.Select(p => p.Value)), v => v is null);

        await Envelope.OkAsync(await fixture.As("nobody").PostAsync($"{Config}/definitions", Json(new JsonObject())));
    }

    [Fact]
    public async Task Saved_configuration_reads_back_nested_with_defaults_supplemented()
    {
        var project = await fixture.ProjectAsync();
        var jobId = await fixture.JobAsync(project);
        var editor = fixture.As("editor");
        var config = new JsonObject
        {
            ["wds.linkis.flink.resource"] = new JsonObject { ["wds.linkis.flink.app.parallelism"] = "8" },
            ["wds.linkis.flink.custom"] = new JsonObject { ["env.java.opts"] = "-Xmx1g" },
            ["wds.linkis.flink.authority"] = new JsonObject { ["wds.linkis.flink.authority.visible"] = "visible" },
        };

        await Envelope.OkAsync(await editor.PostAsync($"{Config}/json/{jobId}", Json(config)));
        var data = (await Envelope.OkAsync(await editor.GetAsync($"{Config}/json/{jobId}")))["data"]!;

        Assert.Equal("8", (string?)data["wds.linkis.flink.resource"]!["wds.linkis.flink.app.parallelism"]);
        Assert.Equal("1024", (string?)data["wds.linkis.flink.resource"]!["wds.linkis.flink.jobmanager.memory"]);
        Assert.Equal("-Xmx1g", (string?)data["wds.linkis.flink.custom"]!["env.java.opts"]);
        Assert.Equal("ON", (string?)data["wds.linkis.flink.produce"]!["wds.linkis.flink.app.start-auto-restore.switch"]);
    }

    [Fact]
    public async Task A_refused_save_carries_every_bad_field_in_data_errorMsg_desc()
    {
        var project = await fixture.ProjectAsync();
        var jobId = await fixture.JobAsync(project);
        var config = new JsonObject
        {
            ["wds.linkis.flink.resource"] = new JsonObject { ["wds.linkis.flink.app.parallelism"] = "abc" },
            ["wds.linkis.flink.produce"] = "not an object",
        };

        var body = await Envelope.ErrorAsync(await fixture.As("editor").PostAsync($"{Config}/json/{jobId}", Json(config)));

        var desc = (string)body["data"]!["errorMsg"]!["desc"]!;
        Assert.Contains("wds.linkis.flink.app.parallelism", desc);
        Assert.Contains("wds.linkis.flink.produce", desc);
        Assert.True(body["data"]!["errorMsg"]!["errors"]!.AsArray().Count >= 2);
    }

    [Fact]
    public async Task Unknown_jobs_and_bad_ids_and_bodies_are_clean_refusals()
    {
        var admin = fixture.As("admin");
        Assert.Equal("StreamJob [987654321] does not exist", (string?)(await Envelope.ErrorAsync(await admin.GetAsync($"{Config}/json/987654321")))["message"]);
        Assert.Equal("StreamJob [987654321] does not exist",
            (string?)(await Envelope.ErrorAsync(await admin.PostAsync($"{Config}/json/987654321", Json(new JsonObject()))))["message"]);
        Assert.Contains("jobId must be a positive whole number", (string)(await Envelope.BadAsync(await admin.GetAsync($"{Config}/json/abc")))["message"]!);
        var project = await fixture.ProjectAsync();
        var jobId = await fixture.JobAsync(project);
        Assert.Contains("not valid JSON", (string)(await Envelope.BadAsync(await admin.PostAsync($"{Config}/json/{jobId}", new StringContent("{", Encoding.UTF8, "application/json"))))["message"]!);
        Assert.Contains("must be a JSON object", (string)(await Envelope.BadAsync(await admin.PostAsync($"{Config}/json/{jobId}", Json(new JsonArray()))))["message"]!);
    }

    [Theory]
    [InlineData("nobody", false, false)]
    [InlineData("accessor", true, false)]
    [InlineData("editor", true, true)]
    [InlineData("releaser", true, true)]
    [InlineData("creator", true, true)]
    [InlineData("visible", true, true)]
    [InlineData("admin", true, true)]
    [InlineData("ops", false, false)]
    public async Task Reading_needs_access_and_saving_needs_edit_or_the_job_itself(string user, bool read, bool save)
    {
        var project = await fixture.ProjectAsync();
        var jobId = await fixture.JobAsync(project);
        var client = fixture.As(user);

        var got = await client.GetAsync($"{Config}/json/{jobId}");
        if (read) await Envelope.OkAsync(got);
        else Assert.Contains("Have no permission", (string)(await Envelope.ErrorAsync(got))["message"]!);
        var keepVisible = new JsonObject { ["wds.linkis.flink.authority"] = new JsonObject { ["wds.linkis.flink.authority.visible"] = "visible" } };
        var saved = await client.PostAsync($"{Config}/json/{jobId}", Json(keepVisible));
        if (save) await Envelope.OkAsync(saved);
        else Assert.Contains("Have no permission", (string)(await Envelope.ErrorAsync(saved))["message"]!);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
    }
}
