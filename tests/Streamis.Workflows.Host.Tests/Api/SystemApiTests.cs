using System.Net;
using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Tests.Support;

namespace Streamis.Workflows.Host.Tests.Api;

public class SystemApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Descriptors_list_the_built_in_activities_with_category_inputs_and_outcomes()
    {
        var descriptors = (await fixture.Host.ClientFor("viewer").GetFromJsonArrayAsync("/api/workflows/descriptors"))
            .Select(d => d!.AsObject()).ToDictionary(d => (string)d["type"]!);

        var builtIns = new Dictionary<string, string>
        {
            ["Sequence"] = "Control flow", ["Flowchart"] = "Control flow", ["If"] = "Control flow", ["Switch"] = "Control flow",
            ["ForEach"] = "Control flow", ["ParallelForEach"] = "Control flow", ["While"] = "Control flow", ["TryCatch"] = "Control flow",
            ["SetVariable"] = "Primitives", ["Log"] = "Primitives", ["Fail"] = "Primitives", ["RenderTemplate"] = "Primitives",
            ["Delay"] = "Timers", ["WaitForSignal"] = "Timers", ["RunWorkflow"] = "Composition",
        };
        foreach (var (type, category) in builtIns)
        {
            Assert.True(descriptors.ContainsKey(type), $"no descriptor for {type}");
            Assert.Equal(category, (string?)descriptors[type]["category"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)descriptors[type]["displayName"]));
        }

        Assert.Equal(
            [("message", "string", true, null), ("level", "string", false, "Information"), ("data", "any", false, null)],
            Inputs(descriptors["Log"]));
        Assert.Equal([("signal", "string", true, null), ("timeout", "timespan", false, null)], Inputs(descriptors["WaitForSignal"]));
        Assert.Contains(("maxDegreeOfParallelism", "integer", false, "8"), Inputs(descriptors["ParallelForEach"]));
        Assert.Equal(["Done", "TimedOut"], Outcomes(descriptors["WaitForSignal"]));
        Assert.Equal(["True", "False"], Outcomes(descriptors["If"]));
        Assert.Equal(["Done", "Caught"], Outcomes(descriptors["TryCatch"]));
        Assert.Empty(Outcomes(descriptors["Fail"]));
        Assert.Equal(["Done"], Outcomes(descriptors["Log"]));
        Assert.Contains(descriptors["Log"]["inputs"]!.AsArray(), i => (string?)i!["name"] == "message" && !string.IsNullOrEmpty((string?)i["description"]));
        Assert.Equal(["then", "else"], descriptors["If"]["slots"]!.AsArray().Select(s => (string)s!["name"]!));
        Assert.Equal("cases", (string?)descriptors["Switch"]["dynamicOutcomesInput"]);

        static List<(string, string, bool, string?)> Inputs(JsonObject descriptor) =>
            descriptor["inputs"]!.AsArray()
                .Select(i => ((string)i!["name"]!, (string)i["type"]!, (bool)i["required"]!, i["default"]?.ToJsonString().Trim('"')))
                .ToList();

        static IEnumerable<string> Outcomes(JsonObject descriptor) => descriptor["outcomes"]!.AsArray().Select(o => (string)o!);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_workflow_api_to_anyone()
    {
        var response = await fixture.Host.ClientFor(null).GetAsync("/openapi/v1.json");

        var document = await response.JsonAsync(HttpStatusCode.OK);
        Assert.StartsWith("3.", (string?)document["openapi"]);
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/workflows/definitions", paths);
        Assert.Contains("/api/workflows/definitions/{definitionId}/publish", paths);
        Assert.Contains("/api/workflows/instances", paths);
        Assert.Contains("/api/workflows/instances/{instanceId}/bookmarks/{bookmarkId}/resume", paths);
        Assert.Contains("/api/workflows/signals", paths);
        Assert.Contains("/api/workflows/descriptors", paths);
        Assert.NotNull(document["paths"]!["/api/workflows/instances"]!["post"]);
        Assert.NotNull(document["paths"]!["/api/workflows/instances"]!["get"]);
    }

    [Fact]
    public async Task Health_reports_the_database_to_anyone()
    {
        var response = await fixture.Host.ClientFor(null).GetAsync("/health");

        var health = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Healthy", (string?)health["status"]);
        Assert.Equal("Healthy", (string?)health["checks"]!["database"]!["status"]);
        Assert.Contains("Sqlite", (string?)health["checks"]!["database"]!["description"]);
        Assert.Equal(0, (int)health["plugins"]!["failed"]!);
    }

    [Fact]
    public async Task Metrics_answer_prometheus_text_to_a_viewer()
    {
        var response = await fixture.Host.ClientFor("viewer").GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE ", text);
        Assert.Contains("# HELP ", text);
        Assert.Matches(@"(?m)^[a-z_:][a-z0-9_:]*(\{[^}]*\})? [0-9.eE+-]+$", text);
        await (await fixture.Host.ClientFor(null).GetAsync("/metrics")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Plugins_list_what_loaded_and_what_failed()
    {
        var plugins = await (await fixture.Host.ClientFor("admin").GetAsync("/api/plugins")).JsonAsync(HttpStatusCode.OK);

        Assert.False(string.IsNullOrEmpty((string?)plugins["hostSdkVersion"]));
        Assert.Empty(plugins["loaded"]!.AsArray());
        Assert.Empty(plugins["failed"]!.AsArray());
    }
}
