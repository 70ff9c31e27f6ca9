namespace Streamis.Workflows.Plugins.Local.Runner;

/// <summary>A reason to end the task as failed whose message is already fit for the user (no stack trace needed).</summary>
internal sealed class RunnerFailure(string message) : Exception(message);
