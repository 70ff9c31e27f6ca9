namespace Streamis.Workflows.Host.Plugins;

/// <summary>A plugin folder that was not loaded, and why.</summary>
public sealed record FailedPlugin(string Name, string Folder, string Error);
