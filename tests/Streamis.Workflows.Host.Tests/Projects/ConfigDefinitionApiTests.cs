using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Tests.Support;

namespace Streamis.Workflows.Host.Tests.Projects;

/// <summary>Admins add, change and retire configuration definitions through the API; jobs see the result at once.</summary>
public class ConfigDefinitionApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private readonly HttpClient admin = fixture.Host.ClientFor("admin");

    [Fact]
    public async Task A_definition_added_changed_and_retired_shows_in_the_Streamis_definitions()
    {
        var key = "wds.linkis.flink.produce." + TestWorkflows.UniqueId("alerting").Replace('-', '_');
        var added = await (await admin.PostAsJsonAsync("/api/config/definitions", new
        {
            key, name = "Alert on lag", type = "SELECT", parentKey = "wds.linkis.flink.produce", refValues = new[] { "ON", "OFF" }, defaultValue = "OFF",
        })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(key, (string?)added["key"]);
        Assert.Contains(key, await StreamisKeysAsync());

        var changed = await (await admin.PutAsJsonAsync($"/api/config/definitions/{key}", new
        {
            name = "Alert on lag", type = "SELECT", parentKey = "wds.linkis.flink.produce", refValues = new[] { "ON", "OFF" }, defaultValue = "ON",
        })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("ON", (string?)changed["defaultValue"]);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/config/definitions/{key}")).StatusCode);
        Assert.DoesNotContain(key, await StreamisKeysAsync());
        var all = await admin.GetFromJsonAsync<JsonArray>("/api/config/definitions?includeRetired=true");
        Assert.Contains(Flatten(all!), d => (string?)d["key"] == key && (bool)d["isRetired"]!);
    }

    [Fact]
    public async Task Bad_definitions_are_refused_with_their_fields_named()
    {
        var missing = await (await admin.PostJsonAsync("/api/config/definitions", """{"refValues": "ON", "required": "yes"}""")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["$.key", "$.name", "$.refValues", "$.required", "$.type"], missing.Errors().Select(e => e.Path).Order(StringComparer.Ordinal));
        await (await admin.PutAsJsonAsync("/api/config/definitions/no.such.key", new { name = "x", type = "INPUT" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync("/api/config/definitions/no.such.key")).ProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<List<string>> StreamisKeysAsync()
    {
        var envelope = await fixture.Host.ClientFor("viewer").GetFromJsonAsync<JsonObject>("/api/rest_j/v1/streamis/streamJobManager/config/definitions");
        return Flatten(envelope!["data"]!["def"]!.AsArray(), "child_def").Select(d => (string)d["key"]!).ToList();
    }

    /// <summary>A definition tree as a flat list; Streamis calls the children <c>child_def</c>, our API <c>children</c>.</summary>
    private static IEnumerable<JsonObject> Flatten(JsonArray definitions, string children = "children") =>
        definitions.Select(d => d!.AsObject()).SelectMany(d => new[] { d }.Concat(d[children] is JsonArray list ? Flatten(list, children) : []));
}
