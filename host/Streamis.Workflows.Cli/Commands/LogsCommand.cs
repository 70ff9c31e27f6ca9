using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Streamis.Workflows.Cli.Connection;

namespace Streamis.Workflows.Cli.Commands;

/// <summary>
/// <c>streamis logs 12 [--type yarn] [--last 200] [--follow]</c>: a job's client or YARN log through the Streamis
/// logs endpoint, printed as plain lines (never read as markup), optionally followed as it grows.
/// </summary>
internal static class LogsCommand
{
    public static Command Create(CliContext cli)
    {
        var job = Arguments.JobId();
        var task = new Option<long?>("--task") { Description = "A task of the job (default: its newest)" };
        var type = new Option<string>("--type") { Description = "client or yarn", DefaultValueFactory = _ => "client" };
        type.AcceptOnlyFromAmong("client", "yarn");
        var from = Arguments.AtLeastOne("--from", "First line to read", 1, int.MaxValue);
        var pageSize = Arguments.AtLeastOne("--page-size", "Lines per request", 100, 5000);
        var last = new Option<int>("--last") { Description = "Only the last N lines (tail)" };
        last.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 0 or > 5000) r.AddError("--last: give 1 to 5000 lines"); });
        var only = new Option<string?>("--only") { Description = "Only lines containing one of these comma-separated keywords" };
        var ignore = new Option<string?>("--ignore") { Description = "Skip lines containing any of these comma-separated keywords" };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep reading new lines until Ctrl+C" };
        var interval = new Option<double>("--interval") { Description = "Seconds between reads with --follow", DefaultValueFactory = _ => 2 };
        var command = new Command("logs", "Print a job's client or YARN log") { job, task, type, from, pageSize, last, only, ignore, follow, interval };
        command.Validators.Add(result =>
        {
            if (result.GetValue(follow) && result.GetValue(last) > 0) result.AddError("--follow reads forward from --from; it cannot be combined with --last");
        });
        command.SetAction(async (parsed, ct) =>
        {
            var client = cli.ClientFor(parsed);
            var query = $"job/logs?jobId={parsed.GetValue(job)}&logType={parsed.GetValue(type)}&pageSize={parsed.GetValue(pageSize)}";
            if (parsed.GetValue(task) is { } taskId) query += $"&taskId={taskId}";
            if (parsed.GetValue(only) is { } onlyKeywords) query += $"&onlyKeywords={Uri.EscapeDataString(onlyKeywords)}";
            if (parsed.GetValue(ignore) is { } ignoreKeywords) query += $"&ignoreKeywords={Uri.EscapeDataString(ignoreKeywords)}";
            if (parsed.GetValue(last) is > 0 and var rows)
            {
                Print(cli.Console, await client.StreamisAsync(HttpMethod.Get, $"{query}&lastRows={rows}", null, ct), out _);
                return ExitCodes.Ok;
            }
            var line = parsed.GetValue(from);
            var saidNoLog = false;
            var pause = TimeSpan.FromSeconds(Math.Clamp(parsed.GetValue(interval), 0.05, 600));
            while (true)
            {
                var data = await client.StreamisAsync(HttpMethod.Get, $"{query}&fromLine={line}", null, ct);
                if (!HasLog(data))
                {
                    // Streamis' stand-in text for "no log yet": said once, then the follow waits for the real log.
                    if (!saidNoLog) Print(cli.Console, data, out _);
                    saidNoLog = true;
                    if (!parsed.GetValue(follow)) return ExitCodes.Ok;
                    await Task.Delay(pause, ct);
                    continue;
                }
                var count = Print(cli.Console, data, out var endLine);
                if (endLine >= line) line = endLine + 1;
                if (count >= parsed.GetValue(pageSize)) continue;
                if (!parsed.GetValue(follow)) return ExitCodes.Ok;
                await Task.Delay(pause, ct);
            }
        });
        return command;
    }

    private static bool HasLog(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty("logs", out var logs) && HostClient.Text(logs, "logPath") is { Length: > 0 } path && path != "undefined";

    private static int Print(IAnsiConsole console, JsonElement data, out int endLine)
    {
        endLine = 0;
        var count = 0;
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("logs", out var logs) || logs.ValueKind != JsonValueKind.Object) return 0;
        endLine = HostClient.Int(logs, "endLine");
        if (!logs.TryGetProperty("logs", out var lines) || lines.ValueKind != JsonValueKind.Array) return 0;
        foreach (var line in lines.EnumerateArray())
        {
            console.WriteLine(line.ValueKind == JsonValueKind.String ? line.GetString() ?? "" : line.GetRawText());
            count++;
        }
        return count;
    }
}
