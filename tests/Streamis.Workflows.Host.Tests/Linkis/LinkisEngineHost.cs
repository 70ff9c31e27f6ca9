using Microsoft.Extensions.DependencyInjection;
using Streamis.Workflows.Host.Tests.Support;
using Streamis.Workflows.Simulation;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.Host.Tests.Linkis;

/// <summary>
/// The real host with its built plugins loaded from disk, the <c>linkis</c> and <c>yarn</c> plugins pointed at a
/// simulated Linkis gateway and ResourceManager. Polls are quick, an EngineConn that does not run within three
/// seconds is given up, and the monitor only ticks when a test starts it.
/// </summary>
public sealed class LinkisEngineHost : IDisposable
{
    public LinkisEngineHost()
    {
        Host = new HostFactory(Path.Combine(AppContext.BaseDirectory, "plugins"), new Dictionary<string, string?>
        {
            ["Plugins:linkis:GatewayUrl"] = Linkis.Url,
            ["Plugins:linkis:TokenCode"] = Linkis.Options.TokenCode,
            ["Plugins:linkis:StatusPollInterval"] = "0.05",
            ["Plugins:linkis:LaunchTimeout"] = "3",
            ["Plugins:linkis:ApplicationInfoDelay"] = "0.05",
            ["Plugins:yarn:ResourceManagerUrl"] = Linkis.ResourceManagerUrl,
            ["Operations:StatusPollInterval"] = "00:00:00.100",
            ["Operations:StartTimeout"] = "00:00:20",
            ["Operations:Monitor:Enabled"] = "false",
        });
        Admin = Host.ClientFor("admin");
    }

    public LinkisSimulation Linkis { get; } = LinkisSimulation.Start();

    public HostFactory Host { get; }

    public HttpClient Admin { get; }

    public JobStateService States => Host.Services.GetRequiredService<JobStateService>();

    /// <summary>Back to a well-behaved Linkis with an empty request log, so one test's faults never reach the next.</summary>
    public void Reset()
    {
        Linkis.ClearFaults();
        Linkis.ClearRequests();
        Linkis.Options.PollsUntilStarted = 1;
        Linkis.Options.StartupStatus = "Running";
    }

    /// <summary>The names of the calls Linkis received, in order, with repeated polls of one call folded into one.</summary>
    public IReadOnlyList<string> CallSequence()
    {
        var calls = new List<string>();
        foreach (var request in Linkis.Requests)
            if (calls.Count == 0 || calls[^1] != request.Call) calls.Add(request.Call);
        return calls;
    }

    public void Dispose()
    {
        Admin.Dispose();
        Host.Dispose();
        Linkis.Dispose();
    }
}
