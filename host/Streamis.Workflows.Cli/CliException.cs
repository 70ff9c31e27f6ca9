namespace Streamis.Workflows.Cli;

/// <summary>A failure to show the operator as one line (no stack trace), with the process exit code it means.</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.Failed) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
