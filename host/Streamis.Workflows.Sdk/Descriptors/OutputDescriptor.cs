namespace Streamis.Workflows.Sdk.Descriptors;

public sealed record OutputDescriptor(string Name, string Type, string? Description);
