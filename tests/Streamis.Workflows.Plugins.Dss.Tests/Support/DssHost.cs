using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MySqlConnector;
using Microsoft.Extensions.DependencyInjection;
using Streamis.Workflows.Host.Tests.StreamisRest;
using Streamis.Workflows.Host.Tests.Support;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.Plugins.Dss.Tests.Support;

/// <summary>
/// The real host with the plugins its build ships (the DSS plugin among them, loaded from disk), the DSS plugin
/// pointed at a <see cref="DssGateway"/>, and clients that call as DSS does: each request a hand-off with the
/// user's Linkis ticket in <c>cookies</c> and a <c>dssurl</c> naming DSS (never asked). Its database is SQLite, or a
/// fresh MariaDB database when STREAMIS_TEST_MYSQL holds a server connection string (as CI sets it).
/// </summary>
public sealed class DssHost : IDisposable
{
    public const string DssUrl = "http://dss.example.test:8088";
    public const long WorkspaceId = 7;

    public const string MySqlVariable = "STREAMIS_TEST_MYSQL";

    private readonly Dictionary<string, string> tickets = new(StringComparer.Ordinal);
    private readonly string? mySqlDatabase;

    public DssHost() : this(null)
    {
    }

    private DssHost(IDictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?> { ["Plugins:dss:GatewayUrl"] = Gateway.Url };
        if (Environment.GetEnvironmentVariable(MySqlVariable) is { Length: > 0 } server)
        {
            mySqlDatabase = "swf_dss_" + Guid.NewGuid().ToString("N")[..12];
            all["Persistence:Provider"] = "MySql";
            all["Persistence:ConnectionString"] = new MySqlConnectionStringBuilder(server) { Database = mySqlDatabase }.ConnectionString;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        Host = new HostFactory(PluginsFolder, all);
    }

    /// <summary>A host of its own with further settings (a fixture has one constructor, so this is not one).</summary>
    public static DssHost With(IDictionary<string, string?> settings) => new(settings);

    /// <summary>The plugins folder the host build put beside this assembly.</summary>
    public static string PluginsFolder => Path.Combine(AppContext.BaseDirectory, "plugins");

    public DssGateway Gateway { get; } = DssGateway.Start();

    public HostFactory Host { get; }

    public HttpClient Admin => Host.ClientFor("admin");

    /// <summary>A client calling as DSS does for <paramref name="user"/>, signed in at the gateway.</summary>
    public HttpClient Dss(string user, string? workspace = "ws-test", string dssUrl = DssUrl) =>
        Host.CreateDefaultClient(new HandoffHandler(dssUrl, $"{DssGateway.TicketCookie}={TicketOf(user)};workspaceId={WorkspaceId};workspaceName={workspace}", workspace));

    public string TicketOf(string user)
    {
        lock (tickets)
        {
            if (!tickets.TryGetValue(user, out var ticket)) tickets[user] = ticket = Gateway.SignIn(user);
            return ticket;
        }
    }

    public T Service<T>() where T : notnull
    {
        Host.CreateClient().Dispose();
        return Host.Services.GetRequiredService<T>();
    }

    /// <summary>Creates a project through the contract, as <paramref name="creator"/>; returns its id.</summary>
    public async Task<long> CreateProjectAsync(string name, string creator, string[]? release = null, string[]? edit = null, string[]? access = null)
    {
        var response = await Dss(creator).PostAsJsonAsync("/api/rest_j/v1/streamis/project/createProject",
            new { projectName = name, workspaceId = WorkspaceId, releaseUsers = release ?? [creator], editUsers = edit ?? [creator], accessUsers = access ?? [] });
        var body = await Envelope.OkAsync(response);
        return (long)body["data"]!["projectId"]!;
    }

    /// <summary>The privilege table of a project, as (user, rank) rows: 1 release, 2 edit, 3 access.</summary>
    public async Task<List<(string User, int Rank)>> PrivilegesAsync(long projectId) =>
        (await Service<ProjectService>().GetMembersAsync(projectId)).Select(m => (m.UserName, (int)m.Privilege)).Order().ToList();

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 11)];

    public static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    public void Dispose()
    {
        Host.Dispose();
        Gateway.Dispose();
        if (mySqlDatabase is null) return;
        MySqlConnection.ClearAllPools();
        using var connection = new MySqlConnection(Environment.GetEnvironmentVariable(MySqlVariable));
        connection.Open();
        using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS `{mySqlDatabase}`";
        drop.ExecuteNonQuery();
    }
}
