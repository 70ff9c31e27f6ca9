using System.CommandLine;
using Spectre.Console;
using Streamis.Workflows.Cli.Commands;
using Streamis.Workflows.Cli.Connection;

namespace Streamis.Workflows.Cli;

/// <summary>The <c>streamis</c> command line: parses, runs one command, and maps every failure to one line and an exit code.</summary>
public static class CliApp
{
    /// <param name="connect">Makes the HTTP client for a connection; null for a plain one (tests pass the test host's).</param>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, Func<HostConnection, HttpClient>? connect, CancellationToken ct = default)
    {
        var context = new CliContext(console, connect ?? (connection => connection.CreateClient()));
        var root = new RootCommand("Operate Flink stream jobs on a Streamis.Workflows host.");
        foreach (var option in context.GlobalOptions) root.Options.Add(option);
        root.Subcommands.Add(JobsCommand.Create(context));
        root.Subcommands.Add(StatusCommand.Create(context));
        root.Subcommands.Add(JobActionCommands.Start(context));
        root.Subcommands.Add(JobActionCommands.Stop(context));
        root.Subcommands.Add(JobActionCommands.Snapshot(context));
        root.Subcommands.Add(BulkCommand.Create(context));
        root.Subcommands.Add(LogsCommand.Create(context));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) console.MarkupLineInterpolated($"[red]error:[/] {error.Message}");
            console.MarkupLine("Run [bold]streamis --help[/] for the commands and their options.");
            return ExitCodes.Usage;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration
            {
                Output = console.Profile.Out.Writer,
                Error = console.Profile.Out.Writer,
                // Failures are the operator's one line below, never the library's stack trace.
                EnableDefaultExceptionHandler = false,
            }, ct);
        }
        catch (CliException e)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return e.ExitCode;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return 130;
        }
    }
}
