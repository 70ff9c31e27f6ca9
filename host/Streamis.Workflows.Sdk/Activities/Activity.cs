namespace Streamis.Workflows.Sdk.Activities;

/// <summary>
/// A step of a workflow. Instances are created once per definition version and shared by every run of it,
/// so an activity keeps no per-run state in fields: per-run data lives in the <see cref="ActivityContext"/>.
/// </summary>
public abstract class Activity
{
    /// <summary>The node id, unique within its workflow definition.</summary>
    public string Id { get; internal set; } = "";

    /// <summary>The registered type name (e.g. <c>Sequence</c>, <c>LaunchJob</c>).</summary>
    public string Type { get; internal set; } = "";

    /// <summary>The engine's compiled node for this activity.</summary>
    internal object? CompiledNode { get; set; }

    /// <summary>Runs the activity for the first time (and again on each retry attempt).</summary>
    protected abstract ValueTask<ActivityResult> ExecuteAsync(ActivityContext context);

    /// <summary>Called when one of the bookmarks this activity created is resumed.</summary>
    protected virtual ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Resumption resumption) => new(Done());

    /// <summary>Called on a composite when a child it scheduled has completed.</summary>
    protected virtual ValueTask<ActivityResult> OnChildCompletedAsync(ActivityContext context, ChildCompletion child) => new(Done());

    /// <summary>
    /// Called on a composite when a child it scheduled has faulted for good (retries exhausted).
    /// The default passes the fault on to this activity's own parent; returning anything else handles it.
    /// </summary>
    protected virtual ValueTask<ActivityResult> OnChildFaultedAsync(ActivityContext context, ChildFault child) => new(ActivityResult.Fault(child.Error));

    internal ValueTask<ActivityResult> InvokeExecuteAsync(ActivityContext context) => ExecuteAsync(context);

    internal ValueTask<ActivityResult> InvokeResumeAsync(ActivityContext context, Resumption resumption) => ResumeAsync(context, resumption);

    internal ValueTask<ActivityResult> InvokeChildCompletedAsync(ActivityContext context, ChildCompletion child) => OnChildCompletedAsync(context, child);

    internal ValueTask<ActivityResult> InvokeChildFaultedAsync(ActivityContext context, ChildFault child) => OnChildFaultedAsync(context, child);

    protected static ActivityResult Done() => ActivityResult.Done;

    protected static ActivityResult Outcome(string outcome) => ActivityResult.Outcome(outcome);

    /// <summary>Keeps the activity open: it waits for the children or bookmarks it has just created.</summary>
    protected static ActivityResult Wait() => ActivityResult.Wait;

    protected static ActivityResult Fault(string message) => ActivityResult.Fault(new ActivityError(message, "ActivityFault"));
}
