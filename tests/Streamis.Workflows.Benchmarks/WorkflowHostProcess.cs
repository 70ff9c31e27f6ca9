using System.Diagnostics;

namespace Streamis.Workflows.Benchmarks;

/// <summary>
/// The built host (with its plugins) as its own process on a loopback port and SQLite in a fresh data folder, with the
/// monitor off and no connector configured unless the settings say so, so nothing runs in it but what a benchmark starts.
/// </summary>
internal sealed class WorkflowHostProcess : IAsyncDisposable
{
    private const string AdminCode = "bench-admin-code";
    private readonly Process process;

    private WorkflowHostProcess(Process process, string data, HttpClient admin)
    {
        this.process = process;
        DataFolder = data;
        Admin = admin;
    }

    public HttpClient Admin { get; }

    /// <summary>The host's data folder, where its SQLite database lives.</summary>
    public string DataFolder { get; }

    /// <summary>Starts the host; <paramref name="settings"/> (environment-variable keys) go on top of the benchmark's own.</summary>
    public static async Task<WorkflowHostProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var data = Directory.CreateTempSubdirectory("swf-host-bench").FullName;
        var baseUrl = $"http://127.0.0.1:{ColdStart.FreePort()}";
        var environment = new Dictionary<string, string>
        {
            ["STREAMIS_DATA_DIR"] = data,
            ["STREAMIS_BOOTSTRAP_TOKEN"] = AdminCode,
            ["Operations__Monitor__Enabled"] = "false",
            // Logging every request would measure the console, not the host.
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        var process = BuiltHostProcess.Start(baseUrl, environment);
        var admin = DssStateBenchmarks.Client(baseUrl, "admin", AdminCode);
        admin.Timeout = TimeSpan.FromMinutes(10);
        await DssStateBenchmarks.WaitForHealthAsync(admin);
        return new WorkflowHostProcess(process, data, admin);
    }

    /// <summary>CPU time the host process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>The host process' resident set, read now.</summary>
    public ResidentMemory Resident() => ResidentMemory.Of(process.Id);

    public async ValueTask DisposeAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        Admin.Dispose();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}
