using System.Net;
using System.Net.Http.Json;
using System.Text;
using Streamis.Workflows.Host.Tests.Support;

namespace Streamis.Workflows.Host.Tests.Api;

/// <summary>Input no caller should send: whatever arrives, the answer is a 4xx problem body, never a 500.</summary>
public class HostileInputTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private readonly HttpClient admin = fixture.Host.ClientFor("admin");

    /// <summary>Every endpoint that reads a body.</summary>
    public static TheoryData<string> BodyEndpoints => new()
    {
        "/api/workflows/definitions",
        "/api/workflows/definitions/import",
        "/api/workflows/definitions/validate",
        "/api/workflows/instances",
        "/api/workflows/signals",
        "/api/workflows/instances/some-instance/bookmarks/some-bookmark/resume",
    };

    private static string Deep(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    private static async Task AssertClientErrorAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        Assert.True(status is >= 400 and < 500, $"{what}: {status} {body[..Math.Min(body.Length, 500)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"status\":{status}", body);
        Assert.DoesNotContain("   at ", body);
    }

    [Theory]
    [MemberData(nameof(BodyEndpoints))]
    public async Task Deeply_nested_json_is_a_4xx(string url)
    {
        foreach (var body in new[] { Deep(200), Deep(5000), new string('[', 100_000) + new string(']', 100_000) })
        {
            var response = await admin.PostJsonAsync(url, body);
            // Validate answers 200 with the problem listed; the others refuse.
            if (url.EndsWith("/validate", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.OK)
                Assert.Contains("depth", (await response.JsonAsync(HttpStatusCode.OK))["problems"]![0]!["message"]!.GetValue<string>());
            else await AssertClientErrorAsync(response, $"{url} nested {body.Length} chars");
        }
    }

    [Theory]
    [MemberData(nameof(BodyEndpoints))]
    public async Task Content_that_is_not_json_is_a_4xx(string url)
    {
        var contents = new HttpContent[]
        {
            new FormUrlEncodedContent([new("definitionId", "x")]),
            new StringContent("<definition id=\"x\"/>", Encoding.UTF8, "application/xml"),
            new ByteArrayContent([0xff, 0xfe, 0x00, 0xc3, 0x28, 0xa0, 0xa1]),
            new StringContent("{\"id\": \"\ud800\"}", Encoding.UTF8, "application/json"),
            new StringContent("null", Encoding.UTF8, "application/json"),
            new StringContent("[1, 2, 3]", Encoding.UTF8, "application/json"),
            new StringContent("{\"id\": \"x\"} trailing", Encoding.UTF8, "application/json"),
            new StringContent("{\"id\": \"x\", \"id\": \"y\", \"signal\": \"a\", \"signal\": \"b\"}", Encoding.UTF8, "application/json"),
        };
        foreach (var content in contents)
        {
            var response = await admin.PostAsync(url, content);
            // Validate answers 200 with the problems listed; the others refuse.
            if (url.EndsWith("/validate", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.OK)
                Assert.Contains("\"valid\":false", await response.Content.ReadAsStringAsync());
            else await AssertClientErrorAsync(response, $"{url} with {content.Headers.ContentType}");
        }
    }

    [Fact]
    public async Task Huge_strings_are_refused_with_the_field_that_is_too_long()
    {
        var huge = new string('x', 200_000);

        var start = await admin.PostAsJsonAsync("/api/workflows/instances", new { definitionId = huge, correlationId = huge });
        var problem = await start.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["$.definitionId", "$.correlationId"], problem.Errors().Select(e => e.Path));

        var signal = await admin.PostAsJsonAsync("/api/workflows/signals", new { signal = huge, instanceId = huge });
        Assert.Equal(["$.signal", "$.instanceId"], (await signal.ProblemAsync(HttpStatusCode.BadRequest)).Errors().Select(e => e.Path));

        var tooBig = await admin.PostJsonAsync("/api/workflows/instances", "{\"definitionId\": \"x\", \"input\": {\"blob\": \"" + new string('y', 5 * 1024 * 1024) + "\"}}");
        await tooBig.ProblemAsync(HttpStatusCode.BadRequest);

        await (await admin.GetAsync($"/api/workflows/definitions/{new string('d', 10_000)}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/workflows/instances/{new string('i', 10_000)}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("name")]
    public async Task A_draft_whose_id_or_name_cannot_be_stored_is_refused(string field)
    {
        var id = TestWorkflows.UniqueId("long");
        var json = field == "id"
            ? TestWorkflows.Greeting(id + new string('x', 1000))
            : TestWorkflows.Greeting(id).Replace("\"Greeting\"", $"\"{new string('n', 1000)}\"");

        var problem = await (await admin.PostJsonAsync("/api/workflows/definitions", json)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(problem.Errors(), e => e.Path == $"$.{field}");
    }

    [Fact]
    public async Task A_huge_but_well_formed_definition_is_answered_without_a_500()
    {
        var id = TestWorkflows.UniqueId("big");
        var activities = string.Join(",", Enumerable.Range(0, 2000).Select(i => $"{{\"id\": \"log{i}\", \"type\": \"Log\", \"inputs\": {{\"message\": \"{new string('m', 500)}\"}}}}"));
        var json = $"{{\"id\": \"{id}\", \"name\": \"Big\", \"root\": {{\"id\": \"seq\", \"type\": \"Sequence\", \"activities\": [{activities}]}}}}";

        var saved = await (await admin.PostJsonAsync("/api/workflows/definitions?publish=true", json)).JsonAsync(HttpStatusCode.OK);

        Assert.True((bool)saved["isPublished"]!);
    }

    [Fact]
    public async Task Input_and_payloads_nested_deeper_than_an_instance_can_store_are_refused()
    {
        var id = TestWorkflows.UniqueId("deep");
        await admin.SaveDefinitionAsync(TestWorkflows.WaitForSignal(id));
        var operatorClient = fixture.Host.ClientFor("operator");

        var start = await operatorClient.PostJsonAsync("/api/workflows/instances", $"{{\"definitionId\": \"{id}\", \"input\": {Deep(60)}}}");
        Assert.Equal("$.input", (await start.ProblemAsync(HttpStatusCode.BadRequest)).Errors().Single().Path);

        var instanceId = await operatorClient.StartAsync(id);
        await operatorClient.WaitForStatusAsync(instanceId, "Suspended");
        var signal = await operatorClient.PostJsonAsync("/api/workflows/signals", $"{{\"signal\": \"approve\", \"instanceId\": \"{instanceId}\", \"payload\": {Deep(60)}}}");
        Assert.Equal("$.payload", (await signal.ProblemAsync(HttpStatusCode.BadRequest)).Errors().Single().Path);
        var bookmarkId = (string)(await operatorClient.InstanceAsync(instanceId))["bookmarks"]![0]!["id"]!;
        var resume = await operatorClient.PostJsonAsync($"/api/workflows/instances/{instanceId}/bookmarks/{bookmarkId}/resume", $"{{\"payload\": {Deep(60)}}}");
        Assert.Equal("$.payload", (await resume.ProblemAsync(HttpStatusCode.BadRequest)).Errors().Single().Path);

        // As deep as allowed goes all the way through: stored, resumed, completed.
        var allowed = await operatorClient.PostJsonAsync("/api/workflows/signals",
            $"{{\"signal\": \"approve\", \"instanceId\": \"{instanceId}\", \"payload\": {{\"approvedBy\": \"deep\", \"nested\": {Deep(30)}}}}}");
        Assert.Equal(1, (int)(await allowed.JsonAsync(HttpStatusCode.OK))["resumed"]!);
        Assert.Equal("deep", (string?)(await operatorClient.WaitForStatusAsync(instanceId, "Completed"))["output"]!["approvedBy"]);
    }

    [Theory]
    [InlineData("GET", "/api/workflows/nothing-here")]
    [InlineData("GET", "/api/workflows/definitions/a/b/c/d")]
    [InlineData("POST", "/api/nothing")]
    [InlineData("GET", "/api/workflows/instances/x/y")]
    [InlineData("GET", "/%2e%2e/%2e%2e/etc/passwd")]
    public async Task Unknown_routes_are_404_problems_and_401_for_strangers(string method, string url)
    {
        await (await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), url))).ProblemAsync(HttpStatusCode.NotFound);
        await (await fixture.Host.ClientFor(null).SendAsync(new HttpRequestMessage(new HttpMethod(method), url))).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("DELETE", "/api/workflows/definitions")]
    [InlineData("PUT", "/api/workflows/definitions/some-id")]
    [InlineData("PATCH", "/api/workflows/instances")]
    [InlineData("GET", "/api/workflows/signals")]
    [InlineData("GET", "/api/workflows/definitions/some-id/publish")]
    [InlineData("DELETE", "/api/workflows/instances/some-id")]
    [InlineData("POST", "/api/workflows/descriptors")]
    [InlineData("POST", "/health")]
    public async Task Wrong_methods_are_405_problems(string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method != "GET") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");

        await (await admin.SendAsync(request)).ProblemAsync(HttpStatusCode.MethodNotAllowed);
    }
}
