using Spectre.Console;

namespace Streamis.Workflows.Cli;

// Not top-level statements: the host's tests reference this assembly and the host's own global Program.
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var interrupt = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            interrupt.Cancel();
        };
        return await CliApp.RunAsync(args, AnsiConsole.Console, connect: null, interrupt.Token);
    }
}
