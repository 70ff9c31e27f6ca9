namespace Streamis.Workflows.Sdk.HostServices;

/// <summary>The instance a start made, or found already made under the requested id (<see cref="Created"/> false).</summary>
public sealed record WorkflowStart(string InstanceId, bool Created);
