using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.StreamJobs.Tests.Support;

public sealed class RecordingAlerter(string name = "recording", bool fail = false) : IAlerter
{
    public List<Alert> Sent { get; } = [];

    public string Name { get; } = name;

    public Task SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        if (fail) throw new InvalidOperationException("channel down");
        lock (Sent) Sent.Add(alert);
        return Task.CompletedTask;
    }
}
