using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Streamis.Workflows.Cli.Connection;

namespace Streamis.Workflows.Cli.Commands;

/// <summary><c>streamis status 12 13</c>: the newest task's status of each job, with the failure reason if any.</summary>
internal static class StatusCommand
{
    public static Command Create(CliContext cli)
    {
        var ids = Arguments.Ids("jobIds", "The jobs' ids");
        var command = new Command("status", "Show the status of jobs") { ids };
        command.SetAction(async (parsed, ct) =>
        {
            var data = await cli.ClientFor(parsed).StreamisAsync(HttpMethod.Put, "job/status", new { id_list = parsed.GetValue(ids) }, ct);
            var table = new Table().AddColumns("Job", "Status", "Message");
            if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("result", out var results) && results.ValueKind == JsonValueKind.Array)
                foreach (var result in results.EnumerateArray())
                {
                    var code = HostClient.Int(result, "statusCode");
                    table.AddRow(Markup.Escape(HostClient.Text(result, "jobId")), Arguments.StatusMarkup(code), Markup.Escape(HostClient.Text(result, "message")));
                }
            cli.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
