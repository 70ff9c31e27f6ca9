namespace Streamis.Workflows.Engine.Runtime;

/// <summary>How many bookmarks a signal resumed; each bookmark is resumed by one signal only.</summary>
public sealed record SignalResult(int Resumed, IReadOnlyList<string> InstanceIds);
