using System.Text.RegularExpressions;
using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.StreamJobs.Operations;

namespace Streamis.Workflows.StreamJobs.Activities;

/// <summary>
/// Starts another workflow as an instance of its own and goes on without waiting for it (unlike RunWorkflow, whose
/// child is part of this instance). The instance id is fixed (given, or derived from this step), so however often the
/// step runs, one instance is started.
/// </summary>
[Activity(Category.StreamJobs, "Start workflow instance", Description = "Starts a separate workflow instance (at most once per instance id) without waiting for it.",
    Icon = "external-link")]
public sealed partial class StartWorkflowInstance : Activity
{
    [Input(Description = "Id of the workflow to start", Required = true)]
    public Input<string> DefinitionId { get; set; } = default!;

    [Input(Description = "Its input")]
    public Input<Dictionary<string, object?>?> Input { get; set; } = default!;

    [Input(Description = "Instance id (letters, digits, - _ . :, at most 64); the same id never starts twice. Empty derives one from this step")]
    public Input<string?> InstanceId { get; set; } = default!;

    [Input(Description = "Correlation id for the new instance")]
    public Input<string?> CorrelationId { get; set; } = default!;

    [Output(Description = "The instance's id")]
    public Output<string> StartedInstanceId { get; set; } = default!;

    [Output(Description = "False when that instance existed already")]
    public Output<bool> Started { get; set; } = default!;

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var id = context.Get(InstanceId) is { Length: > 0 } given ? given.Trim() : "from-" + context.ExecutionId;
        if (!SafeId().IsMatch(id)) return Fault($"instanceId '{id}' must be 1–64 letters, digits, '-', '_', '.' or ':'");
        var started = await context.Get<IWorkflowStarter>().StartAsync(context.Get(DefinitionId), context.Get(Input) ?? [], id, context.Get(CorrelationId),
            context.CancellationToken);
        context.Log(started ? $"Started workflow instance {id}" : $"Workflow instance {id} exists already; not started again");
        context.Set(StartedInstanceId, id);
        context.Set(Started, started);
        return Done();
    }

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,64}$")]
    private static partial Regex SafeId();
}
