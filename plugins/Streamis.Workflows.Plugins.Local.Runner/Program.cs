using System.Runtime.InteropServices;
using Streamis.Workflows.Plugins.Local.Protocol;

namespace Streamis.Workflows.Plugins.Local.Runner;

internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: dotnet Streamis.Workflows.Plugins.Local.Runner.dll <task folder>/runner.json");
            return 2;
        }
        RunnerSettings settings;
        try
        {
            settings = RunnerFiles.TryReadJson<RunnerSettings>(args[0]) ?? throw new FileNotFoundException($"{args[0]} does not exist");
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"Cannot read the runner settings {args[0]}: {e.Message}");
            return 2;
        }

        using var log = new RunnerLog(Path.Combine(settings.WorkDirectory, RunnerFiles.Log));
        Console.SetOut(log.Writer);
        Console.SetError(log.Writer);
        var runner = new StreamRunner(settings, log);
        using var signals = HandleSignals(runner, log);
        return runner.Run();
    }

    private static IDisposable HandleSignals(StreamRunner runner, RunnerLog log)
    {
        var registrations = new List<IDisposable>();
        try
        {
            // Ctrl+C in the terminal that runs the host reaches the whole process group, runner included; a job on
            // a real cluster would outlive its host, so this one does too, and the host reconnects after a restart.
            registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
            {
                context.Cancel = true;
                log.Info("Ignored SIGINT: a local job keeps running when its host stops; stop it through the host.");
            }));
            registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                runner.Terminate("Terminated by SIGTERM from outside the Streamis host.");
            }));
        }
        catch (PlatformNotSupportedException)
        {
            // Not every signal exists everywhere; the job then simply has the platform's default behaviour.
        }
        return new Registrations(registrations);
    }

    private sealed class Registrations(List<IDisposable> items) : IDisposable
    {
        public void Dispose() => items.ForEach(item => item.Dispose());
    }
}
