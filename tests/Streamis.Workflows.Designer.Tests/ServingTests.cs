using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Streamis.Workflows.Designer.Tests.Support;

namespace Streamis.Workflows.Designer.Tests;

/// <summary>How the host serves the designer next to its APIs, over real HTTP.</summary>
public sealed partial class ServingTests(DesignerHost host) : IDisposable
{
    private readonly HttpClient anonymous = new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseUrl };

    [Theory]
    [InlineData("", "/designer/")]
    [InlineData("designer", "/designer/")]
    [InlineData("designer?x=1", "/designer/?x=1")]
    public async Task The_root_and_the_bare_designer_path_lead_to_the_designer(string path, string location)
    {
        var response = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("designer/")]
    [InlineData("designer/definitions/anything")]
    [InlineData("designer/instances/abc?x=1")]
    public async Task Every_designer_page_answers_index_html_with_its_base_and_no_sign_in(string path)
    {
        var response = await anonymous.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<base href=\"/designer/\" />", html);
        Assert.Matches(ScriptTag(), html);
        Assert.True(response.Headers.CacheControl?.NoCache, "index.html must be revalidated, or a new build is not picked up");
    }

    [Fact]
    public async Task The_built_assets_are_served_anonymously_and_cached_for_good()
    {
        var html = await anonymous.GetStringAsync("designer/");
        var script = ScriptTag().Match(html).Groups["src"].Value;
        var response = await anonymous.GetAsync($"designer/{script.TrimStart('.', '/')}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("designer/favicon.svg")).StatusCode);
    }

    [Fact]
    public async Task A_missing_designer_file_is_a_404_problem_not_a_page_or_a_sign_in()
    {
        var response = await anonymous.GetAsync("designer/assets/no-such-file.js");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-such-file.js", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_APIs_answer_as_before_beside_the_designer()
    {
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("health")).StatusCode);
        var unauthorized = await anonymous.GetAsync("api/workflows/definitions");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("application/problem+json", unauthorized.Content.Headers.ContentType?.MediaType);
        var unknown = await host.Admin.GetAsync("api/no-such-endpoint");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.DoesNotContain("<html", await unknown.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await host.Admin.GetAsync("api/workflows/descriptors")).StatusCode);
    }

    [Theory]
    [InlineData(DesignerHost.AdminToken, "admin", new[] { "admin", "operator", "viewer" })]
    [InlineData("viewer-code", "watcher", new[] { "viewer" })]
    public async Task Me_names_the_signed_in_user_and_every_role_they_hold(string token, string user, string[] roles)
    {
        using var client = new HttpClient { BaseAddress = host.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = (await client.GetFromJsonAsync<JsonObject>("api/me"))!;
        Assert.Equal(user, (string)me["user"]!);
        Assert.Equal(roles, me["roles"]!.AsArray().Select(r => (string)r!).ToArray());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/me")).StatusCode);
    }

    public void Dispose() => anonymous.Dispose();

    [GeneratedRegex("<script type=\"module\" crossorigin src=\"(?<src>[^\"]+)\"></script>")]
    private static partial Regex ScriptTag();
}
