using Microsoft.Extensions.Configuration;

namespace Streamis.Workflows.Sdk.Plugins;

/// <summary>
/// What the host tells a plugin: its name, folder and configuration section (<c>Plugins:&lt;name&gt;</c>), and the host's
/// data folder, where a plugin keeps what it writes (its own subfolder is a good habit) since the plugin folder may be
/// read-only.
/// </summary>
public sealed record PluginContext(string Name, string Folder, IConfiguration Configuration, Version HostSdkVersion, string DataDirectory);
