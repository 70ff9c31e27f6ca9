using System.Net;
using System.Text;
using Streamis.Workflows.Host.Auth;
using Streamis.Workflows.Host.Tests.Hostile;
using Streamis.Workflows.Host.Tests.Support;

namespace Streamis.Workflows.Host.Tests.Auth;

/// <summary>
/// Every endpoint the host maps, as the endpoint data source lists it, against every kind of caller. An endpoint
/// added without a decision about who may call it fails <see cref="Every_endpoint_has_a_known_access_level"/>.
/// </summary>
public class AuthorizationMatrixTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    /// <summary>Who may call what: the decision, written down. Keyed by "METHOD pattern".</summary>
    internal static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["GET /api/workflows/definitions"] = Policies.Read,
        ["GET /api/workflows/definitions/{definitionId}"] = Policies.Read,
        ["GET /api/workflows/definitions/{definitionId}/versions"] = Policies.Read,
        ["POST /api/workflows/definitions"] = Policies.Administer,
        ["POST /api/workflows/definitions/import"] = Policies.Administer,
        ["POST /api/workflows/definitions/validate"] = Policies.Read,
        ["POST /api/workflows/definitions/{definitionId}/publish"] = Policies.Administer,
        ["POST /api/workflows/definitions/{definitionId}/retract"] = Policies.Administer,
        ["POST /api/workflows/instances"] = Policies.Operate,
        ["GET /api/workflows/instances"] = Policies.Read,
        ["GET /api/workflows/instances/{instanceId}"] = Policies.Read,
        ["GET /api/workflows/instances/{instanceId}/journal"] = Policies.Read,
        ["POST /api/workflows/instances/{instanceId}/cancel"] = Policies.Operate,
        ["POST /api/workflows/instances/{instanceId}/retry"] = Policies.Operate,
        ["POST /api/workflows/instances/{instanceId}/bookmarks/{bookmarkId}/resume"] = Policies.Operate,
        ["POST /api/workflows/signals"] = Policies.Operate,
        ["POST /api/bulk"] = Policies.Operate,
        ["GET /api/bulk/{instanceId}"] = Policies.Read,
        ["GET /api/workflows/descriptors"] = Policies.Read,
        ["GET /api/plugins"] = Policies.Administer,
        ["GET /api/projects/{name}"] = Policies.Administer,
        ["POST /api/projects"] = Policies.Administer,
        ["PUT /api/projects/{name}"] = Policies.Administer,
        ["DELETE /api/projects/{name}"] = Policies.Administer,
        ["GET /api/config/definitions"] = Policies.Administer,
        ["POST /api/config/definitions"] = Policies.Administer,
        ["PUT /api/config/definitions/{key}"] = Policies.Administer,
        ["DELETE /api/config/definitions/{key}"] = Policies.Administer,
        ["GET /metrics"] = Policies.Read,
        ["GET /health"] = Anonymous,
        ["GET /openapi/v1.json"] = Anonymous,
        ["GET /scalar/{documentName?}"] = Anonymous,
        ["GET /scalar/scalar.js"] = Anonymous,
        ["GET /scalar/scalar.aspnetcore.js"] = Anonymous,
        ["GET /scalar/favicon.svg"] = Anonymous,
        // The designer's page: anonymous, it asks for a token itself; /api/me is how it checks one.
        ["GET "] = Anonymous,
        ["GET /designer/{*path:nonfile}"] = Anonymous,
        ["GET /api/me"] = Policies.Read,
        ["GET /api/session"] = Anonymous,
        // The Streamis API: any signed-in user; project privileges decide inside (see Streamis/*PrivilegeTests).
        ["GET /api/rest_j/v1/streamis/streamJobManager/job/list"] = Policies.Streamis,
        ["GET /api/rest_j/v1/streamis/streamJobManager/job/version"] = Policies.Streamis,
        ["GET /api/rest_j/v1/streamis/streamJobManager/job/jobContent"] = Policies.Streamis,
        ["POST /api/rest_j/v1/streamis/streamJobManager/job/createOrUpdate"] = Policies.Streamis,
        ["POST /api/rest_j/v1/streamis/streamJobManager/job/upload"] = Policies.Streamis,
        ["POST /api/rest_j/v1/streamis/streamJobManager/job/execute"] = Policies.Streamis,
        ["GET /api/rest_j/v1/streamis/streamJobManager/job/stop"] = Policies.Streamis,
        ["PUT /api/rest_j/v1/streamis/streamJobManager/job/snapshot/{jobId}"] = Policies.Streamis,
        ["GET /api/rest_j/v1/streamis/streamJobManager/job/logs"] = Policies.Streamis,
        ["POST /api/rest_j/v1/streamis/streamJobManager/job/bulk/execution"] = Policies.Streamis,
        ["POST /api/rest_j/v1/streamis/streamJobManager/job/bulk/pause"] = Policies.Streamis,
        ["GET /api/rest_j/v1/streamis/streamJobManager/job/execute/history"] = Policies.Streamis,
        ["GET /api/rest_j/v1/streamis/streamJobManager/job/progress"] = Policies.Streamis,
        ["GET /api/rest_j/v1/streamis/streamJobManager/job/details"] = Policies.Streamis,
        ["GET /api/rest_j/v1/streamis/streamJobManager/job/alert"] = Policies.Streamis,
        ["PUT /api/rest_j/v1/streamis/streamJobManager/job/status"] = Policies.Streamis,
        ["GET /api/rest_j/v1/streamis/streamJobManager/project/core/target"] = Policies.Streamis,
        ["GET /api/rest_j/v1/streamis/streamJobManager/config/definitions"] = Policies.Streamis,
        ["POST /api/rest_j/v1/streamis/streamJobManager/config/definitions"] = Policies.Streamis,
        ["GET /api/rest_j/v1/streamis/streamJobManager/config/json/{jobId}"] = Policies.Streamis,
        ["POST /api/rest_j/v1/streamis/streamJobManager/config/json/{jobId}"] = Policies.Streamis,
        ["GET /api/rest_j/v1/streamis/project/projectPrivilege/hasReleasePrivilege"] = Policies.Streamis,
        ["GET /api/rest_j/v1/streamis/project/projectPrivilege/hasEditPrivilege"] = Policies.Streamis,
        ["GET /api/rest_j/v1/streamis/project/projectPrivilege/hasAccessPrivilege"] = Policies.Streamis,
        ["GET /api/rest_j/v1/streamis/project/projectPrivilege/bulk/hasReleasePrivilege"] = Policies.Streamis,
        ["GET /api/rest_j/v1/streamis/project/projectPrivilege/bulk/hasEditPrivilege"] = Policies.Streamis,
        ["GET /api/rest_j/v1/streamis/project/projectPrivilege/bulk/hasAccessPrivilege"] = Policies.Streamis,
        ["GET /api/rest_j/v1/streamis/project/projectPrivilege/getProjectPrivilege"] = Policies.Streamis,
        ["GET /api/rest_j/v1/streamis/streamProjectManager/project/files/list"] = Policies.Streamis,
        ["GET /api/rest_j/v1/streamis/streamProjectManager/project/files/version/list"] = Policies.Streamis,
        ["POST /api/rest_j/v1/streamis/streamProjectManager/project/files/upload"] = Policies.Streamis,
        ["GET /api/rest_j/v1/streamis/streamProjectManager/project/files/delete"] = Policies.Streamis,
        ["GET /api/rest_j/v1/streamis/streamProjectManager/project/files/version/delete"] = Policies.Streamis,
        ["GET /api/rest_j/v1/streamis/streamProjectManager/project/files/download"] = Policies.Streamis,
        ["GET /api/rest_j/v1/streamis/streamJobManager/config/getWorkspaceUsers"] = Policies.Streamis,
        ["GET /api/rest_j/v1/dss/framework/workspace/getBaseInfo"] = Policies.Streamis,
        // The Linkis gateway's login page calls: anonymous by nature; userInfo answers -1 to no session.
        ["GET /api/rest_j/v1/user/publicKey"] = Anonymous,
        ["GET /api/rest_j/v1/user/login"] = Anonymous,
        ["POST /api/rest_j/v1/user/login"] = Anonymous,
        ["GET /api/rest_j/v1/user/logout"] = Anonymous,
        ["POST /api/rest_j/v1/user/logout"] = Anonymous,
        ["GET /api/rest_j/v1/user/userInfo"] = Policies.Streamis,
    };

    /// <summary>
    /// The endpoints the plugins this build ships add (the DSS AppConn contract, the sample's alert list). A plugin
    /// endpoint takes the host's fallback policy, any signed-in caller; the DSS plugin then checks project privileges
    /// itself (see the DSS plugin's tests). <see cref="SecuritySweepTests"/> holds a host with every plugin to these.
    /// </summary>
    internal static readonly Dictionary<string, string> PluginEndpoints = new(StringComparer.Ordinal)
    {
        ["GET /api/rest_j/v1/streamis/project/searchProject"] = SignedIn,
        ["POST /api/rest_j/v1/streamis/project/createProject"] = SignedIn,
        ["PUT /api/rest_j/v1/streamis/project/updateProject"] = SignedIn,
        ["DELETE /api/rest_j/v1/streamis/project/deleteProject"] = SignedIn,
        ["POST /api/rest_j/v1/streamis/dss/job/publish"] = SignedIn,
        ["POST /api/rest_j/v1/streamis/dss/node/ref/create"] = SignedIn,
        ["POST /api/rest_j/v1/streamis/dss/node/ref/update"] = SignedIn,
        ["POST /api/rest_j/v1/streamis/dss/node/ref/delete"] = SignedIn,
        ["POST /api/rest_j/v1/streamis/dss/node/ref/copy"] = SignedIn,
        ["POST /api/rest_j/v1/streamis/dss/node/ref/export"] = SignedIn,
        ["POST /api/rest_j/v1/streamis/dss/node/ref/import"] = SignedIn,
        ["GET /api/rest_j/v1/streamis/dss/node/ref/get"] = SignedIn,
        ["POST /api/rest_j/v1/streamis/dss/node/execution/submit"] = SignedIn,
        ["GET /api/rest_j/v1/streamis/dss/node/execution/state"] = SignedIn,
        ["GET /api/rest_j/v1/streamis/dss/node/execution/result"] = SignedIn,
        ["POST /api/rest_j/v1/streamis/dss/node/execution/kill"] = SignedIn,
        ["GET /api/rest_j/v1/streamis/dss/node/execution/progress"] = SignedIn,
        ["GET /api/rest_j/v1/streamis/dss/node/execution/log"] = SignedIn,
        ["GET /api/plugins/dss/sso"] = SignedIn,
        ["GET /api/plugins/sample/alerts"] = SignedIn,
    };

    internal const string Anonymous = "anonymous";

    /// <summary>Any caller the host signed in, whatever its role (the fallback policy).</summary>
    internal const string SignedIn = "signed-in";

    public static TheoryData<string> Roles => new() { "anonymous", "viewer", "operator", "admin" };

    /// <summary>The routes as the running host maps them, each with its methods and what its metadata says.</summary>
    private IReadOnlyList<HostEndpoint> Endpoints()
    {
        fixture.Host.CreateClient().Dispose();
        return HostEndpoint.All(fixture.Host.Services);
    }

    /// <summary>A concrete path: parameters filled with values that name nothing real.</summary>
    private static string PathOf(HostEndpoint endpoint) => endpoint.Path(name => $"matrix-{name}");

    [Fact]
    public void Every_endpoint_has_a_known_access_level()
    {
        var mapped = Endpoints();

        Assert.All(mapped, e =>
        {
            Assert.True(Expected.TryGetValue(e.Key, out var level), $"{e.Key} is not in the authorisation matrix: decide who may call it and add it");
            if (level == Anonymous) Assert.True(e.Anonymous, $"{e.Key} should allow anonymous callers");
            else
            {
                Assert.False(e.Anonymous, $"{e.Key} must not allow anonymous callers");
                Assert.Contains(level, e.Policies);
            }
        });
        Assert.Equal(Expected.Keys.Order(), mapped.Select(e => e.Key).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_role_gets_exactly_the_endpoints_its_rank_allows(string role)
    {
        var client = fixture.Host.ClientFor(role == "anonymous" ? null : role);
        var failures = new List<string>();

        foreach (var endpoint in Endpoints())
        {
            // An endpoint missing from the matrix fails the test above; here it is held to what its metadata says.
            var level = Expected.GetValueOrDefault(endpoint.Key)
                ?? (endpoint.Anonymous ? Anonymous : endpoint.Policies.Contains(Policies.Administer) ? Policies.Administer
                    : endpoint.Policies.Contains(Policies.Operate) ? Policies.Operate : Policies.Read);
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), PathOf(endpoint));
            // Bodies that cannot do anything: the endpoints behind them answer 400 or 404 once the caller is let in.
            if (endpoint.Method is "POST" or "PUT" or "PATCH") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            using var response = await client.SendAsync(request);
            var status = response.StatusCode;
            var expected = Allowed(role, level) ? "allowed" : role == "anonymous" ? "401" : "403";
            var got = status switch
            {
                HttpStatusCode.Unauthorized => "401",
                HttpStatusCode.Forbidden => "403",
                _ => "allowed",
            };
            if (got != expected) failures.Add($"{endpoint.Method} {PathOf(endpoint)} as {role}: expected {expected}, got {(int)status}");
            else if (got != "allowed" && level == Policies.Streamis)
            {
                // The Streamis web UI reads the Linkis envelope, and status -1 sends it to its login page.
                var body = await response.Content.ReadAsStringAsync();
                if (response.Content.Headers.ContentType?.MediaType != "application/json" || !body.Contains("\"status\":-1"))
                    failures.Add($"{endpoint.Method} {PathOf(endpoint)} as {role}: {(int)status} without a Linkis envelope of status -1: {body}");
            }
            else if (got != "allowed")
            {
                var body = await response.Content.ReadAsStringAsync();
                if (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || !body.Contains($"\"status\":{(int)status}"))
                    failures.Add($"{endpoint.Method} {PathOf(endpoint)} as {role}: {(int)status} without a problem body: {body}");
            }
            else if ((int)status >= 500) failures.Add($"{endpoint.Method} {PathOf(endpoint)} as {role}: {(int)status}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    internal static bool Allowed(string role, string level) => level switch
    {
        Anonymous => true,
        Policies.Read or Policies.Streamis or SignedIn => role is "viewer" or "operator" or "admin",
        Policies.Operate => role is "operator" or "admin",
        _ => role is "admin",
    };
}
