using System.Diagnostics;

namespace Streamis.Workflows.Benchmarks;

/// <summary>Starts the built host on a loopback address with the given environment, its output drained so it never blocks.</summary>
internal static class BuiltHostProcess
{
    public static Process Start(string baseUrl, IReadOnlyDictionary<string, string> environment)
    {
        var hostDll = ColdStart.FindHost() ?? throw new InvalidOperationException("Build the host first: dotnet build -c Release host/Streamis.Workflows.Host");
        var start = new ProcessStartInfo("dotnet", $"\"{hostDll}\" --urls {baseUrl}") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
