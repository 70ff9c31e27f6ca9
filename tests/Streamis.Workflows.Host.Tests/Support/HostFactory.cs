using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Streamis.Workflows.Host.Tests.Support;

/// <summary>
/// The real host over a real HTTP pipeline, on a fresh SQLite data folder, with tokens for each role:
/// admin-code, operator-code and viewer-code (users admin, ops and watcher).
/// </summary>
public sealed class HostFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    public HostFactory(string? pluginsDirectory = null, IDictionary<string, string?>? extra = null)
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "swf-host-tests", Guid.NewGuid().ToString("N"));
        settings = new Dictionary<string, string?>
        {
            ["DataDirectory"] = DataDirectory,
            ["Plugins:Directory"] = pluginsDirectory ?? Path.Combine(DataDirectory, "no-plugins"),
            ["Runtime:MaxPollInterval"] = "00:00:00.200",
            ["Auth:Tokens:0:User"] = "admin",
            ["Auth:Tokens:0:Code"] = "admin-code",
            ["Auth:Tokens:0:Roles:0"] = "admin",
            ["Auth:Tokens:1:User"] = "ops",
            ["Auth:Tokens:1:Code"] = "operator-code",
            ["Auth:Tokens:1:Roles:0"] = "operator",
            ["Auth:Tokens:2:User"] = "watcher",
            ["Auth:Tokens:2:Code"] = "viewer-code",
            ["Auth:Tokens:2:Roles:0"] = "viewer",
        };
        if (extra is not null)
            foreach (var (key, value) in extra) settings[key] = value;
    }

    public string DataDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    /// <summary>A client that signs in with Token-User/Token-Code for the given role ("admin", "operator", "viewer"), or anonymously.</summary>
    public HttpClient ClientFor(string? role)
    {
        var client = CreateClient();
        var (user, code) = role switch
        {
            "admin" => ("admin", "admin-code"),
            "operator" => ("ops", "operator-code"),
            "viewer" => ("watcher", "viewer-code"),
            _ => (null, null),
        };
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add("Token-User", user);
            client.DefaultRequestHeaders.Add("Token-Code", code);
        }
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
