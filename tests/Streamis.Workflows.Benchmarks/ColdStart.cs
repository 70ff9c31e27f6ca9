using System.Diagnostics;
using System.Net.Sockets;

namespace Streamis.Workflows.Benchmarks;

/// <summary>
/// Time from starting the host process (built, with its built-in plugins) on an empty data folder to its first
/// successful answer from /health — migrations, workflow publishing and plugin loading included.
/// Target: under 2 s. Run: <c>dotnet run -c Release --project tests/Streamis.Workflows.Benchmarks -- coldstart</c>.
/// </summary>
public static class ColdStart
{
    public static async Task<LatencySample?> RunAsync(int starts = 5)
    {
        var hostDll = FindHost();
        if (hostDll is null)
        {
            Console.Error.WriteLine("Build the host first: dotnet build -c Release host/Streamis.Workflows.Host");
            return null;
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var times = new List<double>();
        for (var i = 0; i < starts; i++)
        {
            var data = Directory.CreateTempSubdirectory("swf-coldstart").FullName;
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet", $"\"{hostDll}\" --urls http://127.0.0.1:{port}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["STREAMIS_DATA_DIR"] = data },
            };
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                while (clock.Elapsed < TimeSpan.FromSeconds(60))
                {
                    try
                    {
                        if ((await http.GetAsync($"http://127.0.0.1:{port}/health")).IsSuccessStatusCode) break;
                    }
                    catch (HttpRequestException) { }
                    catch (TaskCanceledException) { }
                    await Task.Delay(10);
                }
                times.Add(clock.Elapsed.TotalMilliseconds);
                Console.WriteLine($"start {i + 1}: {clock.Elapsed.TotalMilliseconds:0} ms");
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                try { Directory.Delete(data, recursive: true); } catch (IOException) { }
            }
        }
        times.Sort();
        Console.WriteLine($"cold start to first /health answer: median {times[times.Count / 2]:0} ms, best {times[0]:0} ms, worst {times[^1]:0} ms over {starts} starts (target: under 2000 ms)");
        return LatencySample.Of(times);
    }

    internal static string? FindHost()
    {
        var repository = RepositoryFolder.Find();
        return repository is null
            ? null
            : new[] { "Release", "Debug" }
                .Select(c => Path.Combine(repository, "host", "Streamis.Workflows.Host", "bin", c, "net10.0", "Streamis.Workflows.Host.dll"))
                .FirstOrDefault(File.Exists);
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
