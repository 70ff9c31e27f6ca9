using Microsoft.Extensions.Logging;
using Streamis.Workflows.Sdk.Connectors;

namespace Company.StreamisPlugin;

/// <summary>
/// A connector: delivers alerts to the host log. Replace the body of SendAsync with a call to your own system
/// (mail, IM, a webhook through IHttpClientFactory...) and say which system failed when it does.
/// </summary>
public sealed class LogAlerter(string pluginName, ILoggerFactory loggers) : IAlerter
{
    private readonly ILogger logger = loggers.CreateLogger<LogAlerter>();

    public string Name => $"{pluginName}-log";

    public Task SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        logger.LogWarning("Alert {Level} {Title}: {Message} (job {JobName})", alert.Level, alert.Title, alert.Message, alert.JobName);
        return Task.CompletedTask;
    }
}
