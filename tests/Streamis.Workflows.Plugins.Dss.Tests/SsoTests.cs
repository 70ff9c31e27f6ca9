using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Streamis.Workflows.Host.Tests.StreamisRest;
using Streamis.Workflows.Plugins.Dss.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Streamis.Workflows.Plugins.Dss.Tests;

/// <summary>DSS' single sign-on hand-off, replayed as DSS sends it, against the gateway on WireMock.</summary>
public sealed class SsoTests(DssHost dss) : IClassFixture<DssHost>
{
    private const string Search = "/api/rest_j/v1/streamis/project/searchProject?projectName=nothing-here";

    [Fact]
    public async Task A_hand_off_with_a_valid_ticket_signs_the_user_in()
    {
        var response = await dss.Dss("alice").GetAsync(Search);

        var body = await Envelope.OkAsync(response);
        Assert.Null(body["data"]!["projectId"]);
        var call = Assert.Single(dss.Gateway.UserInfoCalls(dss.TicketOf("alice")));
        // Only the ticket goes to the gateway, not the workspace cookies DSS forwarded with it.
        Assert.Equal([DssGateway.TicketCookie], call.RequestMessage!.Cookies!.Keys);
    }

    [Fact]
    public async Task A_workflow_a_DSS_user_starts_through_the_host_api_knows_the_user_and_the_workspace()
    {
        using var host = DssHost.With(new Dictionary<string, string?> { ["Plugins:dss:UserRoles:0"] = "operator" });
        var id = $"dss-started-by-{Guid.NewGuid():N}"[..30];
        var definition = """
        {"id": "@id", "name": "Who and where",
         "outputs": [{"name": "user", "type": "string", "value": "{{ input.startedBy.user }}"},
                     {"name": "workspace", "type": "string", "value": "{{ input.startedBy.workspace }}"}],
         "root": {"id": "say", "type": "Log", "inputs": {"message": "hello"}}}
        """.Replace("@id", id);
        (await host.Admin.PostAsync("/api/workflows/definitions?publish=true", new StringContent(definition, System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        var started = await host.Dss("alice", workspace: "bdp-workspace").PostAsJsonAsync("/api/workflows/instances", new { definitionId = id, wait = true });

        var body = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(started.IsSuccessStatusCode, body.ToJsonString());
        Assert.Equal("alice", (string?)body["instance"]!["output"]!["user"]);
        Assert.Equal("bdp-workspace", (string?)body["instance"]!["output"]!["workspace"]);
    }

    [Fact]
    public async Task The_gateway_answer_is_reused_for_the_next_calls_of_the_session()
    {
        var client = dss.Dss("cached-user");

        for (var i = 0; i < 3; i++) await Envelope.OkAsync(await client.GetAsync(Search));

        Assert.Single(dss.Gateway.UserInfoCalls(dss.TicketOf("cached-user")));
    }

    [Fact]
    public async Task An_unknown_ticket_is_not_signed_in()
    {
        var client = dss.Host.CreateDefaultClient(new HandoffHandler(DssHost.DssUrl, $"{DssGateway.TicketCookie}=forged-ticket;workspaceName=ws", "ws"));

        var response = await client.GetAsync(Search);

        var body = await Envelope.ReadAsync(response, HttpStatusCode.Unauthorized, -1);
        Assert.Contains("not logged in", (string?)body["message"]);
    }

    [Fact]
    public async Task A_hand_off_without_a_ticket_is_not_signed_in_and_costs_no_gateway_call()
    {
        var before = dss.Gateway.Calls(DssGateway.UserInfoPath).Count;
        var client = dss.Host.CreateDefaultClient(new HandoffHandler(DssHost.DssUrl, "workspaceId=7;workspaceName=ws", "ws"));

        await Envelope.ReadAsync(await client.GetAsync(Search), HttpStatusCode.Unauthorized, -1);

        Assert.Equal(before, dss.Gateway.Calls(DssGateway.UserInfoPath).Count);
    }

    [Fact]
    public async Task A_foreign_dssurl_is_never_called_and_cannot_vouch_for_anyone()
    {
        using var foreign = WireMockServer.Start();
        foreign.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"method":"","status":0,"message":"","data":{"userName":"mallory"}}"""));

        // A ticket the foreign server would vouch for, but the configured gateway does not know.
        var forged = dss.Host.CreateDefaultClient(new HandoffHandler(foreign.Url!, $"{DssGateway.TicketCookie}=mallory-ticket", "ws"));
        await Envelope.ReadAsync(await forged.GetAsync(Search), HttpStatusCode.Unauthorized, -1);
        // A real session named with a foreign dssurl is still checked against the configured gateway.
        await Envelope.OkAsync(await dss.Dss("alice", dssUrl: foreign.Url!).GetAsync(Search));

        Assert.Empty(foreign.LogEntries);
        Assert.NotEmpty(dss.Gateway.UserInfoCalls("mallory-ticket"));
    }

    [Fact]
    public async Task A_gateway_that_is_down_is_named_in_a_503_not_a_silent_sign_out()
    {
        // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
        using var down = DssHost.With(new Dictionary<string, string?> { ["Plugins:dss:GatewayUrl"] = "http://127.0.0.1:9/" });

        var response = await down.Host.CreateDefaultClient(new HandoffHandler(DssHost.DssUrl, $"{DssGateway.TicketCookie}=any", "ws")).GetAsync(Search);

        var body = await Envelope.ReadAsync(response, HttpStatusCode.ServiceUnavailable, 1);
        Assert.Contains("http://127.0.0.1:9/", (string?)body["message"]);
        Assert.Contains("userInfo", (string?)body["message"]);
        Assert.DoesNotContain("   at ", body.ToJsonString());
    }

    [Fact]
    public async Task Browser_entry_redirects_and_keeps_the_user_signed_in_by_cookie()
    {
        var browser = dss.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var ticket = dss.TicketOf("alice");
        var entry = $"/api/plugins/dss/sso?redirect=/designer/&dssurl={Uri.EscapeDataString(DssHost.DssUrl)}"
            + $"&cookies={Uri.EscapeDataString($"{DssGateway.TicketCookie}={ticket};workspaceId=7;workspaceName=工作空间")}&workspace={Uri.EscapeDataString("工作空间")}&appName=streamis";

        var response = await browser.GetAsync(entry);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/designer/", response.Headers.Location!.OriginalString);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.All(cookies, c => Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase));
        // Later calls of the browser carry no hand-off, only the session cookie.
        await Envelope.OkAsync(await browser.GetAsync(Search));
        // The designer's first question on opening: the cookie signs it in, as alice, with no token form.
        var session = (await browser.GetFromJsonAsync<JsonObject>("/api/session"))!;
        Assert.True((bool)session["signedIn"]!);
        Assert.Equal("alice", (string?)session["session"]!["user"]);
    }

    [Fact]
    public async Task Browser_entry_refuses_to_redirect_to_another_site()
    {
        var browser = dss.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var entry = $"/api/plugins/dss/sso?redirect=https://evil.example/phish&dssurl=x&cookies={Uri.EscapeDataString($"{DssGateway.TicketCookie}={dss.TicketOf("alice")}")}";

        var response = await browser.GetAsync(entry);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("https://evil.example/phish", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Without_a_gateway_setting_nobody_is_signed_in_through_DSS()
    {
        using var unconfigured = DssHost.With(new Dictionary<string, string?> { ["Plugins:dss:GatewayUrl"] = null });

        var response = await unconfigured.Host.CreateDefaultClient(new HandoffHandler(DssHost.DssUrl, $"{DssGateway.TicketCookie}=any", "ws")).GetAsync(Search);

        await Envelope.ReadAsync(response, HttpStatusCode.Unauthorized, -1);
        Assert.Empty(unconfigured.Gateway.Server.LogEntries);
    }
}
