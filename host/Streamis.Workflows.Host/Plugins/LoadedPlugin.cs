using System.Reflection;
using Streamis.Workflows.Sdk.Plugins;

namespace Streamis.Workflows.Host.Plugins;

public sealed record LoadedPlugin(PluginManifest Manifest, string Folder, Assembly Assembly, IPlugin? Entry, PluginContext Context);
