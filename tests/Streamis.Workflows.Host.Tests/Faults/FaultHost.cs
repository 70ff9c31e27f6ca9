using Microsoft.Extensions.DependencyInjection;
using Streamis.Workflows.Host.Tests.Support;
using Streamis.Workflows.Simulation;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.Host.Tests.Faults;

/// <summary>
/// The real host with its shipped plugins loaded from disk, pointed at a Linkis + YARN simulation, with client limits
/// cut short so a fault shows in seconds: one HTTP attempt may take half a second and a safe call is tried twice, a
/// savepoint may take two seconds, an EngineConn has three to run. The dss plugin talks to the same simulated gateway. Each fault class has its own, so the classes run side
/// by side while the cases of one class (which share the simulation's fault table) run one after another.
/// </summary>
public sealed class FaultHost : IDisposable
{
    /// <summary>What the monitor's alert says when it cannot ask an engine (templates/messages/alert-engine-unreachable.sbn).</summary>
    public const string UnreachableAlert = "could not be asked for the job's status";

    public const long DssWorkspace = 7;

    public FaultHost()
    {
        Host = new HostFactory(Path.Combine(AppContext.BaseDirectory, "plugins"), new Dictionary<string, string?>
        {
            ["Plugins:linkis:GatewayUrl"] = Linkis.Url,
            ["Plugins:linkis:TokenCode"] = Linkis.Options.TokenCode,
            ["Plugins:linkis:RequestTimeout"] = "0.5",
            ["Plugins:linkis:MaxRetries"] = "1",
            ["Plugins:linkis:SavepointTimeout"] = "2",
            ["Plugins:linkis:StatusPollInterval"] = "0.05",
            ["Plugins:linkis:LaunchTimeout"] = "3",
            ["Plugins:linkis:ApplicationInfoAttempts"] = "2",
            ["Plugins:linkis:ApplicationInfoDelay"] = "0.05",
            ["Plugins:yarn:ResourceManagerUrl"] = Linkis.ResourceManagerUrl,
            ["Plugins:yarn:RequestTimeout"] = "0.5",
            ["Plugins:yarn:MaxRetries"] = "1",
            ["Plugins:dss:GatewayUrl"] = Linkis.Url,
            ["Plugins:dss:GatewayTimeout"] = "00:00:00.500",
            ["Plugins:dss:TokenUser"] = Linkis.Options.AdminUser,
            ["Plugins:dss:TokenCode"] = Linkis.Options.TokenCode,
            // Scheduled once a day, so only the syncs a case starts run.
            ["Plugins:dss:ProjectSync:Interval"] = "1.00:00:00",
            ["Plugins:dss:ProjectSync:WorkspaceIds:0"] = DssWorkspace.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Operations:StatusPollInterval"] = "00:00:00.100",
            ["Operations:StartTimeout"] = "00:00:20",
            ["Operations:Monitor:Enabled"] = "false",
        });
        Admin = Host.ClientFor("admin");
        // A hang fails the case instead of the run: nothing here may take a minute.
        Admin.Timeout = TimeSpan.FromSeconds(90);
    }

    public LinkisSimulation Linkis { get; } = LinkisSimulation.Start();

    public HostFactory Host { get; }

    public HttpClient Admin { get; }

    public TaskService Tasks => Host.Services.GetRequiredService<TaskService>();

    public JobStateService States => Host.Services.GetRequiredService<JobStateService>();

    public ProjectService Projects => Host.Services.GetRequiredService<ProjectService>();

    public Streamis.Workflows.StreamJobs.Alerts.AlertService Alerts => Host.Services.GetRequiredService<Streamis.Workflows.StreamJobs.Alerts.AlertService>();

    public void Dispose()
    {
        Admin.Dispose();
        Host.Dispose();
        Linkis.Dispose();
    }
}
