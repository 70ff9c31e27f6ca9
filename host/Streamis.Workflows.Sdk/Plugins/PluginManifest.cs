namespace Streamis.Workflows.Sdk.Plugins;

/// <summary>
/// <c>plugin.json</c> in a plugin folder. <see cref="SdkVersion"/> is the Sdk the plugin was built against: the host
/// loads it when the major versions match and the host's Sdk is at least as new.
/// </summary>
public sealed record PluginManifest(string Name, string Version, string SdkVersion, string Assembly, string? Description = null)
{
    public const string FileName = "plugin.json";
}
