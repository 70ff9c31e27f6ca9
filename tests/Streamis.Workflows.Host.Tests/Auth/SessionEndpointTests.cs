using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Tests.Support;

namespace Streamis.Workflows.Host.Tests.Auth;

/// <summary>
/// <c>/api/session</c> tells a browser whether what it already carries signs it in, without a failed request: the
/// designer asks it first, so a user sent over by DSS lands signed in.
/// </summary>
public sealed class SessionEndpointTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task An_anonymous_caller_is_told_it_is_not_signed_in_with_a_200()
    {
        var response = await fixture.Host.ClientFor(null).GetAsync("/api/session");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False(body["signedIn"]!.GetValue<bool>());
        Assert.Null(body["session"]);
    }

    [Fact]
    public async Task A_signed_in_caller_gets_its_user_and_roles()
    {
        var body = (await fixture.Host.ClientFor("operator").GetFromJsonAsync<JsonObject>("/api/session"))!;

        Assert.True(body["signedIn"]!.GetValue<bool>());
        Assert.Equal("ops", body["session"]!["user"]!.GetValue<string>());
        Assert.Contains("operator", body["session"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task A_wrong_token_is_not_signed_in_and_still_a_200()
    {
        var client = fixture.Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");

        var response = await client.GetAsync("/api/session");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await response.Content.ReadFromJsonAsync<JsonObject>())!["signedIn"]!.GetValue<bool>());
    }
}
