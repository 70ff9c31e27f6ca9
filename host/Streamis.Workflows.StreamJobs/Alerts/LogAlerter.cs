using Microsoft.Extensions.Logging;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.StreamJobs.Alerts;

/// <summary>The built-in alerter: writes each alert to the log, so alerts are seen even with no channel configured.</summary>
public sealed class LogAlerter(ILogger<LogAlerter> logger) : IAlerter
{
    public string Name => "log";

    public Task SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        var level = alert.Level switch
        {
            AlertLevel.Critical or AlertLevel.Major => LogLevel.Error,
            AlertLevel.Minor or AlertLevel.Warning => LogLevel.Warning,
            _ => LogLevel.Information,
        };
        logger.Log(level, "Alert {Level} for job {JobId} task {TaskId} to {Users}: {Title} {Message}",
            alert.Level, alert.JobId, alert.TaskId, string.Join(",", alert.Users), alert.Title, alert.Message);
        return Task.CompletedTask;
    }
}
