namespace Streamis.Workflows.Sdk.Activities;

public enum ActivityResultKind
{
    Completed,
    Waiting,
    Faulted,
}

/// <summary>
/// What an activity asks the interpreter to do next. Explicit results keep control flow out of exceptions;
/// an activity may still throw, which the interpreter turns into <see cref="ActivityResultKind.Faulted"/>.
/// </summary>
public readonly record struct ActivityResult(ActivityResultKind Kind, string? OutcomeName, ActivityError? Error)
{
    public const string DoneOutcome = "Done";

    public static ActivityResult Done => new(ActivityResultKind.Completed, DoneOutcome, null);

    public static ActivityResult Wait => new(ActivityResultKind.Waiting, null, null);

    public static ActivityResult Outcome(string outcome) => new(ActivityResultKind.Completed, outcome, null);

    public static ActivityResult Fault(ActivityError error) => new(ActivityResultKind.Faulted, null, error);
}
