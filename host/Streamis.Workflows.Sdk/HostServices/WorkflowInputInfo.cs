namespace Streamis.Workflows.Sdk.HostServices;

public sealed record WorkflowInputInfo(string Name, string Type, bool Required, string? Description);
