using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Streamis.Workflows.Simulation;

namespace Streamis.Workflows.Reliability.Tests.Support;

/// <summary>
/// One host process (the built host dll, its plugins from disk) on a loopback port, with its own node id, sharing a
/// database with the other nodes and pointed at a Linkis simulation of this test process. Leases, polls and back-offs
/// are short so that a SIGKILLed node's work is taken over within seconds.
/// </summary>
internal sealed class HostNode : IAsyncDisposable
{
    public const string AdminCode = "reliability-admin-code";
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MaxPollInterval = TimeSpan.FromMilliseconds(250);

    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private readonly StreamWriter transcript;
    private bool closed;

    private HostNode(string nodeId, string baseUrl, Process process, string transcriptPath)
    {
        transcript = new StreamWriter(transcriptPath, append: true) { AutoFlush = true };
        NodeId = nodeId;
        BaseUrl = baseUrl;
        this.process = process;
        Client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(100) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminCode);
    }

    public string NodeId { get; }

    public string BaseUrl { get; }

    public HttpClient Client { get; }

    public bool IsAlive => !process.HasExited;

    /// <summary>The last lines the process wrote, for a failure message (all of them are in <c>logs/&lt;node&gt;.out</c> of the data folder).</summary>
    public string OutputTail => string.Join('\n', output.TakeLast(40));

    public static async Task<HostNode> StartAsync(string nodeId, string dataDirectory, ReliabilityDatabase database, LinkisSimulation linkis)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet", $"\"{BuiltHost.Dll}\" --urls {baseUrl}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(BuiltHost.Dll)!,
        };
        var environment = new Dictionary<string, string>
        {
            ["STREAMIS_DATA_DIR"] = dataDirectory,
            ["STREAMIS_BOOTSTRAP_TOKEN"] = AdminCode,
            ["Runtime__NodeId"] = nodeId,
            ["Runtime__LeaseDuration"] = LeaseDuration.ToString("c"),
            ["Runtime__MaxPollInterval"] = MaxPollInterval.ToString("c"),
            ["Runtime__RecoveryInterval"] = "00:00:01",
            ["Plugins__linkis__GatewayUrl"] = linkis.Url,
            ["Plugins__linkis__TokenCode"] = linkis.Options.TokenCode,
            ["Plugins__linkis__StatusPollInterval"] = "0.05",
            ["Plugins__linkis__ApplicationInfoDelay"] = "0.05",
            ["Plugins__yarn__ResourceManagerUrl"] = linkis.ResourceManagerUrl,
            ["Operations__StatusPollInterval"] = "00:00:00.100",
            ["Operations__StartTimeout"] = "00:02:00",
            ["Operations__Monitor__Enabled"] = "false",
            // Nodes may share a data folder; each writes its own log file.
            ["Serilog__WriteTo__1__Args__path"] = Path.Combine(dataDirectory, "logs", nodeId + "-.clef"),
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in database.HostSettings) environment[key] = value;
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var process = Process.Start(start)!;
        Directory.CreateDirectory(Path.Combine(dataDirectory, "logs"));
        var node = new HostNode(nodeId, baseUrl, process, Path.Combine(dataDirectory, "logs", nodeId + ".out"));
        process.OutputDataReceived += (_, e) => node.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => node.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await node.WaitUntilHealthyAsync();
        return node;
    }

    /// <summary>SIGKILL: no shutdown hook runs, nothing is committed or released.</summary>
    public void Kill()
    {
        if (process.HasExited) return;
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await process.WaitForExitAsync();
        process.Dispose();
        Client.Dispose();
        lock (transcript)
        {
            closed = true;
            transcript.Dispose();
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"Host {NodeId} exited with {process.ExitCode} while starting:\n{OutputTail}");
            try
            {
                using var health = await Client.GetAsync("/health");
                if (health.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (clock.Elapsed > TimeSpan.FromSeconds(90)) throw new TimeoutException($"Host {NodeId} was not healthy after 90 s:\n{OutputTail}");
            await Task.Delay(100);
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (transcript)
        {
            if (!closed) transcript.WriteLine(line);
        }
        output.Enqueue(line);
        while (output.Count > 200) output.TryDequeue(out _);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
