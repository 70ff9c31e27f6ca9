using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Streamis.Workflows.Cli.Commands;

/// <summary>
/// <c>start</c>, <c>stop [--snapshot]</c> and <c>snapshot</c> of one job, through the Streamis-compatible endpoints
/// (synchronous: they return when the host's workflow has done the job).
/// </summary>
internal static class JobActionCommands
{
    public static Command Start(CliContext cli)
    {
        var job = Arguments.JobId("The job to start (its newest version; restores state when the job's start-auto-restore switch is ON)");
        var command = new Command("start", "Start a job") { job };
        command.SetAction(async (parsed, ct) =>
        {
            var id = parsed.GetValue(job);
            var data = await cli.Console.Status().StartAsync($"Starting job {id}...",
                _ => cli.ClientFor(parsed).StreamisAsync(HttpMethod.Post, "job/execute", new { jobId = id }, ct));
            cli.Console.MarkupLineInterpolated($"[green]Job {id} started.[/] {Details(data)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Stop(CliContext cli)
    {
        var job = Arguments.JobId("The job to stop");
        var snapshot = new Option<bool>("--snapshot") { Description = "Take a savepoint first (snapshot-and-stop)" };
        var command = new Command("stop", "Stop a job, directly or after a savepoint") { job, snapshot };
        command.SetAction(async (parsed, ct) =>
        {
            var id = parsed.GetValue(job);
            var withSnapshot = parsed.GetValue(snapshot);
            var data = await cli.Console.Status().StartAsync(withSnapshot ? $"Taking a savepoint of job {id} and stopping it..." : $"Stopping job {id}...",
                _ => cli.ClientFor(parsed).StreamisAsync(HttpMethod.Get, $"job/stop?jobId={id}&snapshot={(withSnapshot ? "true" : "false")}", null, ct));
            var path = Path(data);
            cli.Console.MarkupLineInterpolated($"[green]Job {id} stopped.[/] {(path is null ? "" : $"Savepoint: {path}")}");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Snapshot(CliContext cli)
    {
        var job = Arguments.JobId("The job to take a savepoint of (it keeps running)");
        var command = new Command("snapshot", "Take a savepoint of a running job") { job };
        command.SetAction(async (parsed, ct) =>
        {
            var id = parsed.GetValue(job);
            var data = await cli.Console.Status().StartAsync($"Taking a savepoint of job {id}...",
                _ => cli.ClientFor(parsed).StreamisAsync(HttpMethod.Put, $"job/snapshot/{id}", null, ct));
            cli.Console.MarkupLineInterpolated($"[green]Savepoint of job {id}:[/] {Path(data) ?? "(the host named no path)"}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string? Path(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty("path", out var path) && path.ValueKind == JsonValueKind.String && path.GetString() is { Length: > 0 } p ? p : null;

    // Whatever the host adds to data (task id, workflow instance id...), shown as it comes.
    private static string Details(JsonElement data) =>
        data.ValueKind != JsonValueKind.Object ? "" : string.Join(", ", data.EnumerateObject()
            .Where(p => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            .Select(p => $"{p.Name}: {(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())}"));
}
