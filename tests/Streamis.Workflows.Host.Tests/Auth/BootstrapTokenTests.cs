using System.Net;
using Streamis.Workflows.Host.Auth;
using Streamis.Workflows.Host.Tests.Support;

namespace Streamis.Workflows.Host.Tests.Auth;

/// <summary>STREAMIS_BOOTSTRAP_TOKEN: a first admin before any token is configured.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public class BootstrapTokenTests
{
    private const string Bootstrap = "bootstrap-8f3c1d";
    private const string AdminOnly = "/api/plugins";

    private static HttpClient Client(HostFactory host, params (string Name, string Value)[] headers)
    {
        var client = host.CreateClient();
        foreach (var (name, value) in headers) client.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        return client;
    }

    [Fact]
    public async Task The_bootstrap_token_signs_in_admin_with_headers_and_as_bearer()
    {
        using var variable = new EnvironmentVariableScope(AuthOptions.BootstrapVariable, Bootstrap);
        using var host = new HostFactory();

        Assert.Equal(HttpStatusCode.OK, (await Client(host, ("Token-User", "admin"), ("Token-Code", Bootstrap)).GetAsync(AdminOnly)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client(host, ("Authorization", $"Bearer {Bootstrap}")).GetAsync(AdminOnly)).StatusCode);
        // It is admin's token only.
        await (await Client(host, ("Token-User", "ops"), ("Token-Code", Bootstrap)).GetAsync(AdminOnly)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Without_the_variable_the_bootstrap_code_is_nothing()
    {
        using var variable = new EnvironmentVariableScope(AuthOptions.BootstrapVariable, null);
        using var host = new HostFactory();

        await (await Client(host, ("Token-User", "admin"), ("Token-Code", Bootstrap)).GetAsync(AdminOnly)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await Client(host, ("Authorization", $"Bearer {Bootstrap}")).GetAsync(AdminOnly)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_empty_variable_lets_nobody_in()
    {
        using var variable = new EnvironmentVariableScope(AuthOptions.BootstrapVariable, "");
        using var host = new HostFactory();

        await (await Client(host, ("Token-User", "admin"), ("Token-Code", "")).GetAsync(AdminOnly)).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
