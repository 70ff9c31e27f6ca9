using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Operations;

namespace Streamis.Workflows.StreamJobs.Activities;

/// <summary>Records how one job of this instance's bulk operation stands, so progress is visible while the run lasts.</summary>
[Activity(Category.StreamJobs, "Record bulk item", Description = "Sets the status (and result) of one job of this bulk run.", Icon = "check-square")]
public sealed class RecordBulkItem : Activity
{
    [Input(Description = "The item's position (from Prepare bulk run)", Required = true)]
    public Input<int> Position { get; set; } = default!;

    [Input(Description = "Running, Succeeded or Failed", Required = true)]
    public Input<BulkItemStatus> Status { get; set; } = default!;

    [Input(Description = "What happened (the error of a failure)", UIHint = "multiline")]
    public Input<string?> Message { get; set; } = default!;

    [Input(Description = "The task acted on or created")]
    public Input<long?> TaskId { get; set; } = default!;

    [Input(Description = "The savepoint taken, if any")]
    public Input<string?> SavepointPath { get; set; } = default!;

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var savepoint = context.Get(SavepointPath);
        await context.Get<BulkRunService>().RecordAsync(context.InstanceId, context.Get(Position), context.Get(Status), context.Get(Message), context.Get(TaskId),
            string.IsNullOrWhiteSpace(savepoint) ? null : savepoint, context.CancellationToken);
        return Done();
    }
}
