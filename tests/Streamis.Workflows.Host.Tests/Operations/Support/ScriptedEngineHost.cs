using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Streamis.Workflows.Host.Tests.Support;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Tests.Support;

namespace Streamis.Workflows.Host.Tests.Operations.Support;

/// <summary>
/// The real host (durable runtime, SQLite, HTTP pipeline) whose <c>linkis-flink</c> engine is a <see cref="ScriptedEngine"/>
/// registered as a plugin's connectors would be, so tests can make any engine call fail. Starts time out after a few
/// seconds and polls are quick; the monitor does not tick on its own.
/// </summary>
public sealed class ScriptedEngineHost : IDisposable
{
    private readonly HostFactory factory;
    private readonly WebApplicationFactory<Program> host;

    public ScriptedEngineHost() : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>A host with further settings, which win over the ones above (e.g. the monitor turned on).</summary>
    internal ScriptedEngineHost(IReadOnlyDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Operations:StatusPollInterval"] = "00:00:00.100",
            ["Operations:StartTimeout"] = "00:00:03",
            ["Operations:Monitor:Enabled"] = "false",
            // A user without host roles beyond viewer, to meet Streamis' project privileges.
            ["Auth:Tokens:3:User"] = "outsider",
            ["Auth:Tokens:3:Code"] = "outsider-code",
            ["Auth:Tokens:3:Roles:0"] = "viewer",
        };
        foreach (var (key, value) in settings) all[key] = value;
        factory = new HostFactory(extra: all);
        host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IJobLauncher>(Engine);
            services.AddSingleton<IJobStateFetcher>(Engine);
            services.AddSingleton<IJobLogFetcher>(Engine);
        }));
    }

    public ScriptedEngine Engine { get; } = new(TimeProvider.System);

    public IServiceProvider Services => host.Services;

    /// <summary>The host's data folder (its SQLite database), for a second host on the same database.</summary>
    public string DataDirectory => factory.DataDirectory;

    /// <summary>A client signed in as "admin" (host admin), "ops" (operator), "watcher" (viewer) or "outsider" (viewer, no project rank).</summary>
    public HttpClient As(string user)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("Token-User", user);
        client.DefaultRequestHeaders.Add("Token-Code", user switch
        {
            "admin" => "admin-code",
            "ops" => "operator-code",
            "watcher" => "viewer-code",
            _ => $"{user}-code",
        });
        return client;
    }

    public void Dispose()
    {
        host.Dispose();
        factory.Dispose();
    }
}
