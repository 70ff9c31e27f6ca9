using Microsoft.Extensions.Configuration;

namespace Streamis.Workflows.Sdk.Plugins;

/// <summary>What the host tells a plugin: its name, folder and configuration section (<c>Plugins:&lt;name&gt;</c>).</summary>
public sealed record PluginContext(string Name, string Folder, IConfiguration Configuration, Version HostSdkVersion);
