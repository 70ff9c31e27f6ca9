namespace Streamis.Workflows.Sdk.Activities;

/// <summary>
/// A child that completed. <see cref="Locals"/> are the values the child's frame held (e.g. a loop's <c>result</c>).
/// A struct: every step of a composite receives one, and it lives only for that call.
/// </summary>
public readonly record struct ChildCompletion(
    string ActivityId,
    string Outcome,
    object? Tag,
    IReadOnlyDictionary<string, object?>? Locals,
    IReadOnlyDictionary<string, object?>? WorkflowOutputs);
