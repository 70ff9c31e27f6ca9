using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Activities;

/// <summary>
/// Runs Try; if it faults, runs Catch (which sees the local <c>error</c>) and the workflow goes on. Finally runs
/// after either. Completes with Done, or Caught when an error was handled.
/// </summary>
[Activity("Control flow", "Try / catch", Type = "TryCatch", Description = "Handles a fault inside the workflow.", Outcomes = ["Done", "Caught"], Icon = "shield")]
public sealed class TryCatch : Activity
{
    private const string Phase = "phase";
    private const string CaughtKey = "caught";
    private const string PendingError = "pendingError";

    [Slot(Description = "The protected activities")]
    public Activity? Try { get; set; }

    [Slot(Description = "Runs when Try faults; sees 'error' (message, type, activityId)")]
    public Activity? Catch { get; set; }

    [Slot(Description = "Runs after Try or Catch, whatever happened")]
    public Activity? Finally { get; set; }

    [Output(Description = "The error that was caught: message, type, activityId")]
    public Output<Dictionary<string, object?>?> Error { get; set; } = default!;

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        new(Try is null ? AfterCatch(context) : Run(context, "try", Try, null));

    protected override ValueTask<ActivityResult> OnChildCompletedAsync(ActivityContext context, ChildCompletion child) =>
        new((string)context.Properties[Phase]! switch
        {
            "try" or "catch" => AfterCatch(context),
            _ => context.Properties.TryGetValue(PendingError, out var stored) && stored is Dictionary<string, object?> pending
                ? ActivityResult.Fault(new ActivityError((string)pending["message"]!, (string)pending["type"]!, pending.GetValueOrDefault("transient") is true,
                    pending["activityId"] as string, pending["activityType"] as string))
                : Outcome(Caught(context) ? "Caught" : "Done"),
        });

    protected override ValueTask<ActivityResult> OnChildFaultedAsync(ActivityContext context, ChildFault child)
    {
        var error = new Dictionary<string, object?>
        {
            ["message"] = child.Error.Message,
            ["type"] = child.Error.Type,
            ["activityId"] = child.Error.ActivityId,
            ["activityType"] = child.Error.ActivityType,
        };
        switch ((string)context.Properties[Phase]!)
        {
            case "try":
                context.CancelChildren();
                context.Properties[CaughtKey] = true;
                context.Set(Error, error);
                return new(Catch is null ? AfterCatch(context) : Run(context, "catch", Catch, new Dictionary<string, object?> { ["error"] = error }));
            case "catch" when Finally is not null:
                context.Properties[PendingError] = new Dictionary<string, object?>(error) { ["transient"] = child.Error.IsTransient };
                return new(Run(context, "finally", Finally, null));
            default:
                return new(ActivityResult.Fault(child.Error));
        }
    }

    private ActivityResult AfterCatch(ActivityContext context) =>
        Finally is null ? Outcome(Caught(context) ? "Caught" : "Done") : Run(context, "finally", Finally, null);

    private static bool Caught(ActivityContext context) => context.Properties.TryGetValue(CaughtKey, out var caught) && caught is true;

    private static ActivityResult Run(ActivityContext context, string phase, Activity child, Dictionary<string, object?>? locals)
    {
        context.Properties[Phase] = phase;
        context.ScheduleChild(child, null, locals);
        return Wait();
    }
}
