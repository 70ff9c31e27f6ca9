using System.Reflection;
using System.Text.Json;
using McMaster.NETCore.Plugins;
using Streamis.Workflows.Engine.Registry;
using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.Sdk.Plugins;

namespace Streamis.Workflows.Host.Plugins;

/// <summary>
/// The plugins found in the plugins folder: one folder each, with <c>plugin.json</c>, loaded in a load context of its
/// own that shares only the Sdk and the Microsoft.Extensions abstractions with the host. A plugin that fails at
/// any step is listed with its error and left out; the host and the other plugins carry on.
/// </summary>
public sealed class PluginCatalog
{
    private static readonly Type[] SharedTypes =
    [
        typeof(IPlugin),
        typeof(Activity),
        typeof(IServiceCollection),
        typeof(IServiceProvider),
        typeof(IConfiguration),
        typeof(ILogger),
        typeof(ILoggerFactory),
        typeof(IHttpClientFactory),
    ];

    private readonly List<LoadedPlugin> loaded = [];
    private readonly List<FailedPlugin> failed = [];

    public IReadOnlyList<LoadedPlugin> Loaded => loaded;

    public IReadOnlyList<FailedPlugin> Failed => failed;

    public static Version HostSdkVersion => typeof(IPlugin).Assembly.GetName().Version ?? new Version(1, 0);

    /// <summary>Loads every plugin folder and lets each register its services.</summary>
    public static PluginCatalog Load(string folder, IConfiguration configuration, IServiceCollection services, ILogger logger)
    {
        var catalog = new PluginCatalog();
        if (!Directory.Exists(folder)) return catalog;
        foreach (var pluginFolder in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(pluginFolder);
            try
            {
                var plugin = LoadOne(pluginFolder, configuration, services);
                catalog.loaded.Add(plugin);
                logger.LogInformation("Loaded plugin {Plugin} {Version} from {Folder}", plugin.Manifest.Name, plugin.Manifest.Version, pluginFolder);
            }
            catch (Exception e)
            {
                var reason = e is PluginLoadException ? e.Message : $"{e.GetType().Name}: {e.Message}";
                catalog.failed.Add(new FailedPlugin(name, pluginFolder, reason));
                logger.LogError("Plugin in {Folder} was not loaded: {Reason}", pluginFolder, reason);
            }
        }
        return catalog;
    }

    /// <summary>Adds the plugins' activities to the registry; a plugin whose activities clash is moved to the failed list.</summary>
    public void RegisterActivities(ActivityRegistry registry, ILogger logger)
    {
        foreach (var plugin in loaded.ToList())
        {
            try
            {
                registry.AddFromAssembly(plugin.Assembly, plugin.Manifest.Name);
            }
            catch (Exception e) when (e is ArgumentException or ReflectionTypeLoadException or TypeLoadException or FileNotFoundException)
            {
                Fail(plugin, $"its activities could not be registered: {e.Message}", logger);
            }
        }
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints, ILogger logger)
    {
        foreach (var plugin in loaded.ToList())
        {
            if (plugin.Entry is null) continue;
            try
            {
                plugin.Entry.MapEndpoints(endpoints, plugin.Context);
            }
            catch (Exception e)
            {
                Fail(plugin, $"mapping its endpoints threw {e.GetType().Name}: {e.Message}", logger);
            }
        }
    }

    private void Fail(LoadedPlugin plugin, string reason, ILogger logger)
    {
        loaded.Remove(plugin);
        failed.Add(new FailedPlugin(plugin.Manifest.Name, plugin.Folder, reason));
        logger.LogError("Plugin {Plugin} was taken out: {Reason}", plugin.Manifest.Name, reason);
    }

    private static LoadedPlugin LoadOne(string folder, IConfiguration configuration, IServiceCollection services)
    {
        var manifestPath = Path.Combine(folder, PluginManifest.FileName);
        if (!File.Exists(manifestPath)) throw new PluginLoadException($"no {PluginManifest.FileName} in the folder");
        PluginManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<PluginManifest>(File.ReadAllText(manifestPath), new JsonSerializerOptions(JsonSerializerDefaults.Web))
                ?? throw new PluginLoadException($"{PluginManifest.FileName} is empty");
        }
        catch (JsonException e)
        {
            throw new PluginLoadException($"{PluginManifest.FileName} is not valid: {e.Message}");
        }
        if (string.IsNullOrWhiteSpace(manifest.Name) || string.IsNullOrWhiteSpace(manifest.Assembly))
            throw new PluginLoadException($"{PluginManifest.FileName} must name the plugin (name) and its assembly (assembly)");
        if (!Version.TryParse(manifest.SdkVersion, out var sdk))
            throw new PluginLoadException($"{PluginManifest.FileName}: sdkVersion \"{manifest.SdkVersion}\" is not a version");
        if (sdk.Major != HostSdkVersion.Major || sdk > HostSdkVersion)
            throw new PluginLoadException($"built for Sdk {sdk}, but this host has Sdk {HostSdkVersion}");
        var assemblyPath = Path.Combine(folder, manifest.Assembly);
        if (!File.Exists(assemblyPath)) throw new PluginLoadException($"its assembly {manifest.Assembly} is not in the folder");

        var loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, SharedTypes, config => config.PreferSharedTypes = true);
        var assembly = loader.LoadDefaultAssembly();
        var entryTypes = assembly.GetExportedTypes().Where(t => typeof(IPlugin).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false }).ToList();
        if (entryTypes.Count > 1) throw new PluginLoadException($"it has {entryTypes.Count} IPlugin classes; one entry point is allowed");
        var context = new PluginContext(manifest.Name, folder, configuration.GetSection($"Plugins:{manifest.Name}"), HostSdkVersion);
        IPlugin? entry = null;
        if (entryTypes.Count == 1)
        {
            entry = (IPlugin)(Activator.CreateInstance(entryTypes[0])
                ?? throw new PluginLoadException($"{entryTypes[0].Name} could not be created"));
            // Registered into a scratch collection first, so a plugin that throws half-way leaves nothing behind.
            var scratch = new ServiceCollection();
            entry.ConfigureServices(scratch, context);
            foreach (var service in scratch) services.Add(service);
        }
        return new LoadedPlugin(manifest, folder, assembly, entry, context);
    }
}
