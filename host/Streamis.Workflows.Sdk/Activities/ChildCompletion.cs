namespace Streamis.Workflows.Sdk.Activities;

/// <summary>A child that completed. <see cref="Locals"/> are the values the child's frame held (e.g. a loop's <c>result</c>).</summary>
public sealed record ChildCompletion(
    string ActivityId,
    string Outcome,
    object? Tag,
    IReadOnlyDictionary<string, object?>? Locals,
    IReadOnlyDictionary<string, object?>? WorkflowOutputs);
