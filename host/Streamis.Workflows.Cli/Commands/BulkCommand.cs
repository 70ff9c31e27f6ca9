using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Streamis.Workflows.Cli.Connection;

namespace Streamis.Workflows.Cli.Commands;

/// <summary>
/// <c>streamis bulk start|stop|restart 1 2 3</c>: starts the host's bulk workflow, follows its progress live and ends
/// with one row per job. Exit code 1 when any job failed, so a script can tell.
/// </summary>
internal static class BulkCommand
{
    private static readonly string[] Operations = ["start", "stop", "restart"];

    public static Command Create(CliContext cli)
    {
        var operation = new Argument<string>("operation") { Description = "start, stop or restart" };
        operation.AcceptOnlyFromAmong(Operations);
        var ids = Arguments.Ids("ids", "Job ids (or task ids with --tasks)");
        var tasks = new Option<bool>("--tasks") { Description = "The ids are task ids, not job ids" };
        var snapshot = new Option<bool>("--snapshot") { Description = "stop/restart: take a savepoint before stopping (restart then restores it)" };
        var parallelism = new Option<int?>("--parallelism") { Description = "How many jobs at once (the host's default when not given)" };
        parallelism.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } value && (value < 1 || value > 1000)) result.AddError($"--parallelism: {value} is out of range (1 to 1000)");
        });
        var poll = new Option<double>("--poll") { Description = "Seconds between progress reads", DefaultValueFactory = _ => 1 };
        var command = new Command("bulk", "Start, stop or restart many jobs at once, with live progress") { operation, ids, tasks, snapshot, parallelism, poll };
        command.SetAction(async (parsed, ct) =>
        {
            var client = cli.ClientFor(parsed);
            var idList = parsed.GetValue(ids)!;
            var body = new Dictionary<string, object?>
            {
                ["operation"] = parsed.GetValue(operation),
                [parsed.GetValue(tasks) ? "taskIds" : "jobIds"] = idList,
                ["snapshot"] = parsed.GetValue(snapshot),
            };
            if (parsed.GetValue(parallelism) is { } degree) body["parallelism"] = degree;
            var started = await client.ApiAsync(HttpMethod.Post, "api/bulk", body, ct);
            var instanceId = HostClient.Text(started, "instanceId");
            if (instanceId.Length == 0) throw new CliException("the host started no bulk run (no instanceId in its answer)");
            cli.Console.MarkupLineInterpolated($"Bulk {parsed.GetValue(operation)} of {idList.Length} jobs: workflow instance [bold]{instanceId}[/]");
            var interval = TimeSpan.FromSeconds(Math.Clamp(parsed.GetValue(poll), 0.05, 60));
            var report = await FollowAsync(cli.Console, client, instanceId, idList.Length, interval, ct);
            cli.Console.Write(Summary(report));
            var failed = HostClient.Int(report, "failed");
            var status = HostClient.Text(report, "status");
            cli.Console.MarkupLineInterpolated($"{HostClient.Int(report, "succeeded")} succeeded, {failed} failed, {HostClient.Int(report, "total")} in all; the run is {status}.");
            return failed > 0 || status != "Completed" ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<JsonElement> FollowAsync(IAnsiConsole console, HostClient client, string instanceId, int expected, TimeSpan interval, CancellationToken ct)
    {
        JsonElement report = default;
        await console.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var bar = progress.AddTask("waiting for the first report", maxValue: expected);
                while (true)
                {
                    report = await client.ApiAsync(HttpMethod.Get, $"api/bulk/{Uri.EscapeDataString(instanceId)}?items=false", null, ct);
                    var total = Math.Max(1, HostClient.Int(report, "total"));
                    bar.MaxValue = total;
                    bar.Value = HostClient.Int(report, "done");
                    bar.Description = $"{HostClient.Int(report, "done")}/{total} done, [red]{HostClient.Int(report, "failed")} failed[/]";
                    if (IsFinished(HostClient.Text(report, "status"))) break;
                    await Task.Delay(interval, ct);
                }
            });
        // Polled as counts alone; every job's result once, for the summary.
        return await client.ApiAsync(HttpMethod.Get, $"api/bulk/{Uri.EscapeDataString(instanceId)}", null, ct);
    }

    private static bool IsFinished(string status) => status is "Completed" or "Faulted" or "Cancelled";

    private static Table Summary(JsonElement report)
    {
        var table = new Table().AddColumns("Job", "Name", "Task", "Result", "Message", "Savepoint");
        if (report.ValueKind == JsonValueKind.Object && report.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
            foreach (var item in items.EnumerateArray())
            {
                var status = HostClient.Text(item, "status");
                var shown = status switch { "Succeeded" => "[green]Succeeded[/]", "Failed" => "[red]Failed[/]", _ => Markup.Escape(status) };
                table.AddRow(Markup.Escape(HostClient.Text(item, "jobId")), Markup.Escape(HostClient.Text(item, "jobName")), Markup.Escape(HostClient.Text(item, "taskId")),
                    shown, Markup.Escape(HostClient.Text(item, "message")), Markup.Escape(HostClient.Text(item, "savepointPath")));
            }
        return table;
    }
}
