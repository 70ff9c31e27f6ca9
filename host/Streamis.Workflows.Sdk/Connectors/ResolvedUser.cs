namespace Streamis.Workflows.Sdk.Connectors;

/// <summary>A caller: name, host roles (admin, operator, viewer) and the DSS workspace the call came from, if any.</summary>
public sealed record ResolvedUser(string UserName, IReadOnlyCollection<string> Roles, string? Workspace = null);
