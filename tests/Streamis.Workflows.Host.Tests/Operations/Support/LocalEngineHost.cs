using Microsoft.Extensions.DependencyInjection;
using Streamis.Workflows.Host.Tests.Support;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Operations;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.Host.Tests.Operations.Support;

/// <summary>
/// The real host with the Local engine plugin as it ships, loaded from disk: jobs are real runner processes writing
/// numbered events. Every task still running when the tests end is stopped; the runners also watch this process.
/// </summary>
public sealed class LocalEngineHost : IDisposable
{
    public LocalEngineHost()
    {
        Host = new HostFactory(Path.Combine(AppContext.BaseDirectory, "plugins"), new Dictionary<string, string?>
        {
            ["Operations:StatusPollInterval"] = "00:00:00.200",
            ["Operations:Monitor:Enabled"] = "false",
            ["Plugins:local:StopJobsWithHost"] = "true",
        });
        Admin = Host.ClientFor("admin");
    }

    public HostFactory Host { get; }

    public HttpClient Admin { get; }

    /// <summary>The event sequence numbers a local job has written so far, in file order.</summary>
    public IReadOnlyList<long> Events(long jobId)
    {
        var file = Path.Combine(Host.DataDirectory, "local-engine", "jobs", jobId.ToString(System.Globalization.CultureInfo.InvariantCulture), "output", "events.txt");
        if (!File.Exists(file)) return [];
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var sequences = new List<long>();
        while (reader.ReadLine() is { } line)
            if (line.Split('\t') is [var number, _, _] && long.TryParse(number, out var sequence)) sequences.Add(sequence);
        return sequences;
    }

    public void Dispose()
    {
        var tasks = Host.Services.GetRequiredService<TaskService>();
        var engines = Host.Services.GetRequiredService<JobEngines>();
        foreach (var task in tasks.ListRunningAsync().GetAwaiter().GetResult().Concat(tasks.ListStuckAsync(TimeSpan.Zero).GetAwaiter().GetResult()))
        {
            if (task.Handle is not { } handle) continue;
            try
            {
                engines.Launcher(handle.Engine).StopAsync(handle, StopMode.Direct, null, CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is InvalidOperationException or IOException)
            {
                // Already gone; nothing left to stop.
            }
        }
        Admin.Dispose();
        Host.Dispose();
    }
}
