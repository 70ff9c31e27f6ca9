namespace Streamis.Workflows.Sdk.Activities;

/// <summary>
/// Why an activity failed. <paramref name="ActivityId"/> names the activity where the fault started, which
/// stays the same while the fault travels up through composites.
/// </summary>
public sealed record ActivityError(
    string Message,
    string Type,
    bool IsTransient = false,
    string? ActivityId = null,
    string? ActivityType = null)
{
    public static ActivityError From(Exception exception) =>
        new(exception.Message, exception.GetType().Name, TransientErrors.IsTransient(exception));
}
