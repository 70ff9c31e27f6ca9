using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Streamis.Workflows.Host.Auth;
using Streamis.Workflows.Host.Tests.Hostile;

namespace Streamis.Workflows.Host.Tests.Auth;

/// <summary>
/// Every endpoint of a host with all the plugins its build ships, read from the running host (so a new endpoint cannot
/// be forgotten): without credentials, or with wrong ones, it is 401 unless it is one of the few meant to be open; with
/// a role below what it needs, 403. Streamis project privileges (200 with status 1 for a user outside the project) are
/// the job of Streamis/StreamisPrivilegeApiTests and the DSS plugin's tests.
/// </summary>
public sealed class SecuritySweepTests(FuzzHost host) : IClassFixture<FuzzHost>
{
    /// <summary>The endpoints anyone may call, each with the reason it has to be open.</summary>
    private static readonly Dictionary<string, string> Open = new(StringComparer.Ordinal)
    {
        ["GET /health"] = "load balancers and orchestrators probe it without credentials",
        ["GET /api/session"] = "tells a browser whether what it carries signs it in, before it has signed in",
        ["GET /openapi/v1.json"] = "the API's description is public, as the README says",
        ["GET /scalar/{documentName?}"] = "the browsable reference of that public description",
        ["GET /scalar/scalar.js"] = "a static file of the reference page",
        ["GET /scalar/scalar.aspnetcore.js"] = "a static file of the reference page",
        ["GET /scalar/favicon.svg"] = "a static file of the reference page",
        ["GET "] = "redirects to the designer",
        ["GET /designer/{*path:nonfile}"] = "the designer's page, which asks for a token itself",
        ["GET /api/rest_j/v1/user/publicKey"] = "the login page asks it before anyone has signed in",
        ["GET /api/rest_j/v1/user/login"] = "signing in",
        ["POST /api/rest_j/v1/user/login"] = "signing in",
        ["GET /api/rest_j/v1/user/logout"] = "signing out a session that may already have ended",
        ["POST /api/rest_j/v1/user/logout"] = "signing out a session that may already have ended",
    };

    [Fact]
    public void The_authorisation_matrix_covers_every_endpoint_including_the_plugins()
    {
        var missing = host.Endpoints.Select(e => e.Key).Distinct()
            .Where(k => !AuthorizationMatrixTests.Expected.ContainsKey(k) && !AuthorizationMatrixTests.PluginEndpoints.ContainsKey(k)).Order().ToList();

        Assert.True(missing.Count == 0, "not in the authorisation matrix (AuthorizationMatrixTests): " + string.Join(", ", missing));
        // The open endpoints listed here are exactly the matrix's anonymous ones, and only those allow anonymous callers.
        Assert.Equal(Open.Keys.Order(), AuthorizationMatrixTests.Expected.Where(e => e.Value == AuthorizationMatrixTests.Anonymous).Select(e => e.Key).Order());
        Assert.Equal(Open.Keys.Order(), host.Endpoints.Where(e => e.Anonymous).Select(e => e.Key).Distinct().Order());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-token")]
    [InlineData("Token-User: admin / Token-Code: guessed")]
    public async Task Every_endpoint_but_the_open_ones_answers_401_to_a_caller_without_valid_credentials(string? credentials)
    {
        using var client = host.Client(null);
        if (credentials?.StartsWith("Bearer ", StringComparison.Ordinal) == true)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credentials["Bearer ".Length..]);
        else if (credentials is not null)
        {
            client.DefaultRequestHeaders.Add("Token-User", "admin");
            client.DefaultRequestHeaders.Add("Token-Code", "guessed");
        }
        var failures = new List<string>();

        foreach (var endpoint in host.Endpoints.Where(e => !Open.ContainsKey(e.Key)))
        {
            using var response = await client.SendAsync(Request(endpoint));
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Unauthorized) failures.Add($"{endpoint.Key}: {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
            else if (AnswerCheck.Failure(endpoint.Method, endpoint.Path(Fill), response, body) is { } wrong) failures.Add($"{endpoint.Key}: 401 but {wrong}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("operator")]
    public async Task Every_endpoint_above_a_role_answers_it_403(string role)
    {
        using var client = host.Client(role);
        var failures = new List<string>();
        var refused = 0;

        foreach (var endpoint in host.Endpoints)
        {
            var level = AuthorizationMatrixTests.Expected.GetValueOrDefault(endpoint.Key) ?? AuthorizationMatrixTests.PluginEndpoints[endpoint.Key];
            using var response = await client.SendAsync(Request(endpoint));
            var status = (int)response.StatusCode;
            if (AuthorizationMatrixTests.Allowed(role, level))
            {
                if (status is 401 or 403) failures.Add($"{endpoint.Key} ({level}) refused {role}: {status}");
                continue;
            }
            refused++;
            var body = await response.Content.ReadAsStringAsync();
            if (status != 403) failures.Add($"{endpoint.Key} ({level}) as {role}: {status}, not 403");
            else if (AnswerCheck.Failure(endpoint.Method, endpoint.Path(Fill), response, body) is { } wrong) failures.Add($"{endpoint.Key}: 403 but {wrong}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(refused > 0, $"nothing is above {role}: the sweep checked nothing");
    }

    /// <summary>Ids that name nothing, and an empty JSON object for a body: only who calls decides the answer here.</summary>
    private static HttpRequestMessage Request(HostEndpoint endpoint)
    {
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path(Fill).TrimStart('/'));
        if (endpoint.Method is "POST" or "PUT" or "PATCH") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return request;
    }

    private static string Fill(string parameter) => parameter == "jobId" ? "987654" : "sweep-" + parameter;
}
