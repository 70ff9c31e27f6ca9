using System.Net;
using System.Net.Http.Headers;
using Streamis.Workflows.Host.Tests.Support;

namespace Streamis.Workflows.Host.Tests.Auth;

public class TokenAuthenticationTests : IDisposable
{
    private readonly HostFactory host = new(extra: new Dictionary<string, string?>
    {
        // A gateway token (as Linkis has) that may act for whoever Token-User names.
        ["Auth:Tokens:3:User"] = "gateway",
        ["Auth:Tokens:3:Code"] = "gateway-code",
        ["Auth:Tokens:3:Roles:0"] = "viewer",
        ["Auth:Tokens:3:AllowImpersonation"] = "true",
        // A token whose code was left empty must never match an empty header.
        ["Auth:Tokens:4:User"] = "careless",
        ["Auth:Tokens:4:Code"] = "",
        ["Auth:Tokens:4:Roles:0"] = "admin",
    });

    private const string AdminOnly = "/api/plugins";

    private HttpClient Client(params (string Name, string Value)[] headers)
    {
        var client = host.CreateClient();
        foreach (var (name, value) in headers) client.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        return client;
    }

    [Fact]
    public async Task Token_user_and_token_code_sign_in()
    {
        var response = await Client(("Token-User", "admin"), ("Token-Code", "admin-code")).GetAsync(AdminOnly);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("admin", "wrong-code")]
    [InlineData("admin", "ADMIN-CODE")]
    [InlineData("admin", "admin-code ")]
    [InlineData("admin", "")]
    [InlineData("careless", "")]
    [InlineData("ops", "admin-code")]
    [InlineData("Admin", "admin-code")]
    [InlineData("", "admin-code")]
    public async Task A_wrong_code_or_a_user_the_code_is_not_for_is_a_401(string user, string code)
    {
        var response = await Client(("Token-User", user), ("Token-Code", code)).GetAsync("/api/workflows/definitions");

        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        if (code.Length > 0) Assert.DoesNotContain(code, problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_code_without_token_user_is_a_401()
    {
        var response = await Client(("Token-Code", "admin-code")).GetAsync("/api/workflows/definitions");

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("Bearer admin-code")]
    [InlineData("bearer admin-code")]
    [InlineData("Bearer   admin-code  ")]
    public async Task A_bearer_token_signs_in_as_its_user(string authorization)
    {
        var response = await Client(("Authorization", authorization)).GetAsync(AdminOnly);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Bearer wrong-code")]
    [InlineData("Bearer ")]
    [InlineData("Basic YWRtaW46YWRtaW4tY29kZQ==")]
    [InlineData("admin-code")]
    public async Task A_bad_authorization_header_is_a_401(string authorization)
    {
        var response = await Client(("Authorization", authorization)).GetAsync("/api/workflows/definitions");

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_role_comes_from_the_token_whichever_way_it_is_sent()
    {
        var viewer = host.CreateClient();
        viewer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "viewer-code");

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/workflows/definitions")).StatusCode);
        var problem = await (await viewer.GetAsync(AdminOnly)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("\"watcher\"", (string?)problem["detail"]);
    }

    [Fact]
    public async Task A_gateway_token_acts_for_the_user_it_names_with_its_own_role()
    {
        var client = Client(("Token-User", "alice"), ("Token-Code", "gateway-code"));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/workflows/definitions")).StatusCode);
        var problem = await (await client.GetAsync(AdminOnly)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("\"alice\"", (string?)problem["detail"]);
    }

    public void Dispose() => host.Dispose();
}
