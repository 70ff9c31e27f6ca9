using System.Text.Json.Nodes;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Streamis.Workflows.Plugins.Dss.Tests.Support;

/// <summary>
/// The DSS/Linkis gateway on WireMock, answering as Linkis does: <c>userInfo</c> knows the tickets of signed-in users
/// and answers anything else with Linkis' not-logged-in reply (HTTP 400, status 1); <c>getAllProjects</c> lists the
/// projects a test gives it, to the sync's token only.
/// </summary>
public sealed class DssGateway : IDisposable
{
    public const string TicketCookie = "linkis_user_session_ticket_id_v1";
    public const string UserInfoPath = "/api/rest_j/v1/user/userInfo";
    public const string ProjectsPath = "/api/rest_j/v1/dss/framework/project/getAllProjects";
    public const string SyncTokenUser = "hadoop";
    public const string SyncTokenCode = "dss-AUTH-secret";

    private DssGateway(WireMockServer server)
    {
        Server = server;
        server.Given(Request.Create().WithPath(UserInfoPath).UsingGet()).AtPriority(100)
            .RespondWith(Response.Create().WithStatusCode(400).WithHeader("Content-Type", "application/json").WithBody("""
                {"method":"/api/rest_j/v1/user/userInfo","status":1,"message":"errCode: 11002 ,desc: You are not logged in, please login first(您尚未登录，请先登录!) ,ip: gw ,port: 9001 ,serviceKind: linkis-mg-gateway","data":{}}
                """));
    }

    public WireMockServer Server { get; }

    public string Url => Server.Url!;

    public static DssGateway Start() => new(WireMockServer.Start());

    /// <summary>Makes the gateway know <paramref name="user"/>'s session; returns the ticket.</summary>
    public string SignIn(string user)
    {
        var ticket = $"ticket-{Guid.NewGuid():N}";
        Server.Given(Request.Create().WithPath(UserInfoPath).UsingGet().WithCookie(TicketCookie, ticket)).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(new JsonObject
                {
                    ["method"] = UserInfoPath, ["status"] = 0, ["message"] = "get user information succeed!",
                    ["data"] = new JsonObject { ["userName"] = user },
                }.ToJsonString()));
        return ticket;
    }

    /// <summary>DSS' project list of a workspace, for the sync's token user and code only.</summary>
    public void ListProjects(long workspaceId, JsonArray projects) =>
        Server.Given(Request.Create().WithPath(ProjectsPath).UsingPost()
                .WithHeader("Token-User", SyncTokenUser).WithHeader("Token-Code", SyncTokenCode)
                .WithBody(new WireMock.Matchers.JsonPartialMatcher(new { workspaceId })))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(new JsonObject
                {
                    ["method"] = ProjectsPath, ["status"] = 0, ["message"] = "获取工作空间的工程成功",
                    ["data"] = new JsonObject { ["projects"] = projects.DeepClone() },
                }.ToJsonString()));

    public IReadOnlyList<ILogEntry> Calls(string path) => Server.LogEntries.Where(e => e.RequestMessage?.Path == path).ToList();

    /// <summary>The userInfo calls that carried <paramref name="ticket"/>.</summary>
    public IReadOnlyList<ILogEntry> UserInfoCalls(string ticket) =>
        Calls(UserInfoPath).Where(e => e.RequestMessage?.Cookies is { } cookies && cookies.TryGetValue(TicketCookie, out var sent) && sent == ticket).ToList();

    public void Dispose() => Server.Stop();
}
