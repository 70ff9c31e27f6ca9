using Microsoft.Extensions.DependencyInjection;
using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Sample;

/// <summary>
/// Raises an alert through every registered alerter (the sample's file alerter among them) and says which delivered it.
/// Delivery is at-least-once: a retried or re-run activity sends the alert again.
/// </summary>
[Activity("Sample", "Raise sample alert", Description = "Sends an alert to every registered alerter.", Icon = "bell")]
public sealed class RaiseSampleAlert : Activity
{
    [Input(Description = "Short title of the alert", Required = true)]
    public Input<string> Title { get; set; } = default!;

    [Input(Description = "What happened", UIHint = "multiline")]
    public Input<string?> Message { get; set; } = default!;

    [Input(Description = "Severity", Default = AlertLevel.Info)]
    public Input<AlertLevel> Level { get; set; } = default!;

    [Output(Description = "Names of the alerters that delivered the alert")]
    public Output<List<object?>> DeliveredBy { get; set; } = default!;

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var alert = new Alert(context.Get(Level), context.Get(Title), context.Get(Message) ?? "", [], context.Clock.GetUtcNow());
        var delivered = new List<object?>();
        foreach (var alerter in context.Services.GetServices<IAlerter>())
        {
            await alerter.SendAsync(alert, context.CancellationToken);
            delivered.Add(alerter.Name);
        }
        context.Set(DeliveredBy, delivered);
        return Done();
    }
}
