using System.Diagnostics;

namespace Streamis.Workflows.Designer.Tests.Support;

/// <summary>Runs a tool from the designer's node_modules (installed by the host's build) with the machine's node.</summary>
public static class NodeTool
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <summary>Why the tools cannot run here, or null when they can.</summary>
    public static string? Unavailable()
    {
        if (!Directory.Exists(Path.Combine(RepositoryFolder.Designer, "node_modules")))
            return "host/designer/node_modules is missing: the host was built without the designer (-p:StreamisBuildDesigner=false)";
        return null;
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = RepositoryFolder.Designer, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // Plain text, so a failure reads well in the test output.
        start.Environment["NO_COLOR"] = "1";
        start.Environment["FORCE_COLOR"] = "0";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within {Patience}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
