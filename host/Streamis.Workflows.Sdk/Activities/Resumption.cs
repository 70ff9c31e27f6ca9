namespace Streamis.Workflows.Sdk.Activities;

/// <summary>A bookmark being resumed: its name and key as created, and the payload the resumer sent.</summary>
public sealed record Resumption(string BookmarkId, string Name, string? Key, object? Payload);
