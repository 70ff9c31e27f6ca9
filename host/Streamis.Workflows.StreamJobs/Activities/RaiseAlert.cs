using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Alerts;

namespace Streamis.Workflows.StreamJobs.Activities;

/// <summary>
/// Raises an alert about a job: recorded for each recipient (the job's alert users and its creator) and delivered by
/// every alerter the host has. Render the text first with RenderTemplate (templates/alert-*.sbn) so operators can
/// change it without a rebuild.
/// </summary>
[Activity(Category.StreamJobs, "Raise alert", Description = "Records and delivers an alert about a job to its alert users and creator.", Icon = "bell")]
public sealed class RaiseAlert : Activity
{
    [Input(Description = "The job the alert is about", Required = true)]
    public Input<long> JobId { get; set; } = default!;

    [Input(Description = "The task it is about, if any")]
    public Input<long?> TaskId { get; set; } = default!;

    [Input(Description = "Short title", Default = "Streamis job alert")]
    public Input<string> Title { get; set; } = default!;

    [Input(Description = "The alert text", Required = true, UIHint = "multiline")]
    public Input<string> Message { get; set; } = default!;

    [Input(Description = "Level; empty takes the job's alert level setting (MINOR by default)")]
    public Input<AlertLevel?> Level { get; set; } = default!;

    [Output(Description = "Who the alert went to")]
    public Output<List<object?>> Recipients { get; set; } = default!;

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var records = await context.Get<AlertService>().RaiseAsync(context.Get(JobId), context.Get(TaskId), context.Get(Title), context.Get(Message),
            context.Get(Level), context.CancellationToken);
        context.Set(Recipients, records.Select(r => (object?)r.User).ToList());
        return Done();
    }
}
