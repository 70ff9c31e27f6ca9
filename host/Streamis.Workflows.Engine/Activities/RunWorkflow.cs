using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Running;
using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Activities;

/// <summary>
/// Runs another workflow as a child and waits for it. The child runs inside this instance, in its own scope,
/// so its progress is committed with the parent's and a parent can never miss its child's end.
/// </summary>
[Activity("Composition", "Run workflow", Description = "Runs a child workflow and waits for its outputs.", Icon = "workflow")]
public sealed class RunWorkflow : Activity
{
    [Input(Description = "Id of the workflow to run", Required = true)]
    public Input<string> DefinitionId { get; set; } = default!;

    [Input(Description = "Version; the published one when empty")]
    public Input<int?> Version { get; set; } = default!;

    [Input(Description = "The child workflow's input")]
    public Input<Dictionary<string, object?>?> Input { get; set; } = default!;

    [Output(Description = "The child workflow's outputs")]
    public Output<Dictionary<string, object?>?> Output { get; set; } = default!;

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var frame = (FrameContext)context;
        // A checkpoint can be taken after the child was scheduled and before this execution's own end was applied; run
        // again after a crash, it finds its child already there and waits for it instead of starting a second one.
        if (frame.Frame.ActiveChildren > 0) return Wait();
        var graph = await frame.Execution.Runner.GetGraphAsync(context.Get(DefinitionId), context.Get(Version), context.CancellationToken).ConfigureAwait(false);
        var input = WorkflowInputBinder.Bind(graph.Definition, context.Get(Input));
        frame.ScheduleWorkflow(graph, input);
        return Wait();
    }

    protected override ValueTask<ActivityResult> OnChildCompletedAsync(ActivityContext context, ChildCompletion child)
    {
        context.Set(Output, child.WorkflowOutputs is null ? null : new Dictionary<string, object?>(child.WorkflowOutputs));
        return new(Done());
    }
}
