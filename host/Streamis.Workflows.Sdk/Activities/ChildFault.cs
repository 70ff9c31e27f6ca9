namespace Streamis.Workflows.Sdk.Activities;

/// <summary>A child that faulted after its retries ran out.</summary>
public sealed record ChildFault(string ActivityId, ActivityError Error, object? Tag);
