namespace Streamis.Workflows.Sdk.Connectors;

public sealed record JobLogPage(IReadOnlyList<string> Lines, int EndLine, bool IsEnd, string? LogPath = null);
