using System.Collections.Concurrent;
using System.Diagnostics;

namespace Streamis.Workflows.Plugins.Local;

/// <summary>
/// Starts a runner as <c>dotnet runner.dll runner.json</c>. The runner sends its own output to its client log; its
/// standard streams are pipes kept only to report what the dotnet host printed if it could not start at all.
/// </summary>
internal sealed class RunnerProcess
{
    private const int KeptLines = 40;

    private readonly ConcurrentQueue<string> output = new();

    private RunnerProcess(Process process) => Process = process;

    public Process Process { get; }

    public static RunnerProcess Start(string dotnet, string runnerPath, string settingsPath, string workDirectory)
    {
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = workDirectory,
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(runnerPath);
        start.ArgumentList.Add(settingsPath);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{dotnet} did not start.");
        var runner = new RunnerProcess(process);
        process.StandardInput.Close();
        process.OutputDataReceived += (_, e) => runner.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => runner.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return runner;
    }

    /// <summary>What the process printed on its standard streams, once it has exited.</summary>
    public string ExitOutput()
    {
        Process.WaitForExit();
        return string.Join(Environment.NewLine, output);
    }

    /// <summary>
    /// The dotnet that runs the host when the host runs under dotnet, else the one the SDK names, else the one on the
    /// PATH: the runner needs the same runtime the plugin was built for.
    /// </summary>
    public static string ResolveDotnet(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } self && string.Equals(Path.GetFileName(self), executable, StringComparison.OrdinalIgnoreCase)) return self;
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath)) return hostPath;
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root && File.Exists(Path.Combine(root, executable)))
            return Path.Combine(root, executable);
        return "dotnet";
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        output.Enqueue(line);
        while (output.Count > KeptLines) output.TryDequeue(out _);
    }
}
