namespace Streamis.Workflows.Sdk.Activities;

public enum LogSeverity
{
    Debug,
    Information,
    Warning,
    Error,
}
