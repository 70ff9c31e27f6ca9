namespace Streamis.Workflows.Sdk.Descriptors;

/// <summary>A place for child activities: one (<see cref="Multiple"/> false) or a list.</summary>
public sealed record SlotDescriptor(string Name, bool Multiple, string? Description);
