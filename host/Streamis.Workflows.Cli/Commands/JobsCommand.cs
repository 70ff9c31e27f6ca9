using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Streamis.Workflows.Cli.Connection;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Cli.Commands;

/// <summary><c>streamis jobs --project P</c>: the project's jobs with their newest version and task status.</summary>
internal static class JobsCommand
{
    public static Command Create(CliContext cli)
    {
        var project = new Option<string>("--project", "-p") { Description = "The project whose jobs to list", Required = true };
        var name = new Option<string?>("--name") { Description = "Only jobs whose name contains this" };
        var status = new Option<StreamTaskStatus?>("--status") { Description = "Only jobs whose newest task has this status (Running, Failed...)" };
        var page = Arguments.AtLeastOne("--page", "Page number", 1, int.MaxValue);
        var pageSize = Arguments.AtLeastOne("--page-size", "Jobs per page", 50, 500);
        var command = new Command("jobs", "List a project's jobs and their status") { project, name, status, page, pageSize };
        command.SetAction(async (parsed, ct) =>
        {
            var query = $"job/list?projectName={Uri.EscapeDataString(parsed.GetValue(project)!)}&pageNow={parsed.GetValue(page)}&pageSize={parsed.GetValue(pageSize)}";
            if (parsed.GetValue(name) is { } jobName) query += $"&jobName={Uri.EscapeDataString(jobName)}";
            if (parsed.GetValue(status) is { } wanted) query += $"&jobStatus={(int)wanted}";
            var data = await cli.ClientFor(parsed).StreamisAsync(HttpMethod.Get, query, null, ct);
            var table = new Table().AddColumns("Id", "Name", "Type", "Version", "Status", "Created by", "Last version");
            var count = 0;
            if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("tasks", out var jobs) && jobs.ValueKind == JsonValueKind.Array)
                foreach (var job in jobs.EnumerateArray())
                {
                    count++;
                    var code = HostClient.Int(job, "status");
                    table.AddRow(Markup.Escape(HostClient.Text(job, "id")), Markup.Escape(HostClient.Text(job, "name")), Markup.Escape(HostClient.Text(job, "jobType")),
                        Markup.Escape(HostClient.Text(job, "version")), Arguments.StatusMarkup(code), Markup.Escape(HostClient.Text(job, "createBy")),
                        Markup.Escape(Time(job, "lastVersionTime")));
                }
            if (count == 0)
            {
                cli.Console.MarkupLineInterpolated($"No jobs in project {parsed.GetValue(project)} match.");
                return ExitCodes.Ok;
            }
            cli.Console.Write(table);
            var total = Math.Max(HostClient.Int(data, "totalPage"), count);
            cli.Console.MarkupLineInterpolated($"{count} of {total} jobs shown.");
            return ExitCodes.Ok;
        });
        return command;
    }

    // Streamis sends times as Unix milliseconds.
    private static string Time(JsonElement job, string name) =>
        job.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss")
            : HostClient.Text(job, name);
}
