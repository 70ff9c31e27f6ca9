using Spectre.Console;
using Streamis.Workflows.Cli;

namespace Streamis.Workflows.Host.Tests.Cli;

/// <summary>One run of the <c>streamis</c> command line against a host, with what it printed and its exit code.</summary>
public sealed record CliRun(int ExitCode, string Output)
{
    /// <summary>Runs the CLI with <paramref name="args"/>; its HTTP calls go to <paramref name="http"/>, signed in as the options say.</summary>
    public static async Task<CliRun> RunAsync(Func<HttpClient> http, params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 240;
        var code = await CliApp.RunAsync(args, console, connection =>
        {
            var client = http();
            connection.Authorize(client);
            return client;
        });
        return new CliRun(code, writer.ToString());
    }
}
