namespace Streamis.Workflows.Plugins.Local.Protocol;

/// <summary>The runner's answer to a command, as <c>control/&lt;id&gt;.result.json</c>.</summary>
internal sealed record ControlResult(string Id, bool Ok, string? Location, long LastSequence, string? Error = null);
