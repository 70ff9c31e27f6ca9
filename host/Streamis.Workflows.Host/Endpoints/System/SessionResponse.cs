namespace Streamis.Workflows.Host.Endpoints.System;

public sealed record SessionResponse(string User, IReadOnlyList<string> Roles);
