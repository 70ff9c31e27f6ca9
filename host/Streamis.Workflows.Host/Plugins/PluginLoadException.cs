namespace Streamis.Workflows.Host.Plugins;

/// <summary>A plugin folder that cannot be loaded, for a reason its message states plainly.</summary>
public sealed class PluginLoadException(string message) : Exception(message);
