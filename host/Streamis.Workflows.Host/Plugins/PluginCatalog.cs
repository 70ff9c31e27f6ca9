using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Options;
using Streamis.Workflows.Engine.Registry;
using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.Sdk.Plugins;

namespace Streamis.Workflows.Host.Plugins;

/// <summary>
/// The plugins found in the plugins folder: one folder each, with <c>plugin.json</c>, loaded in a load context of its
/// own that shares only the Sdk and the Microsoft.Extensions abstractions with the host. A plugin that fails at
/// any step is listed with its error and left out; the host and the other plugins carry on.
/// </summary>
public sealed partial class PluginCatalog
{
    /// <summary>
    /// The assemblies of these types (and the assemblies they reference) come from the host, so that a plugin and the host
    /// mean the same <see cref="IPlugin"/>, <see cref="Activity"/> or <see cref="IServiceCollection"/>. Every other
    /// assembly a plugin ships is loaded from its own folder, in its own version, whatever the host or another plugin uses.
    /// </summary>
    private static readonly Type[] SharedTypes =
    [
        typeof(IPlugin),
        typeof(Activity),
        typeof(IServiceCollection),
        typeof(IServiceProvider),
        typeof(IConfiguration),
        typeof(IOptions<>),
        typeof(ILogger),
        typeof(ILoggerFactory),
        typeof(IHttpClientFactory),
        typeof(IHostEnvironment),
    ];

    private static readonly Lazy<HashSet<string>> SharedAssemblyNames = new(FindSharedAssemblyNames);

    private readonly List<LoadedPlugin> loaded = [];
    private readonly List<FailedPlugin> failed = [];

    public IReadOnlyList<LoadedPlugin> Loaded => loaded;

    public IReadOnlyList<FailedPlugin> Failed => failed;

    public static Version HostSdkVersion => typeof(IPlugin).Assembly.GetName().Version ?? new Version(1, 0);

    /// <summary>Loads every plugin folder and lets each register its services.</summary>
    public static PluginCatalog Load(string folder, string dataDirectory, IConfiguration configuration, IServiceCollection services, ILogger logger)
    {
        var catalog = new PluginCatalog();
        if (!Directory.Exists(folder)) return catalog;
        foreach (var pluginFolder in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(pluginFolder);
            try
            {
                var plugin = catalog.LoadOne(pluginFolder, dataDirectory, configuration, services);
                catalog.loaded.Add(plugin);
                logger.LogInformation("Loaded plugin {Plugin} {Version} from {Folder}", plugin.Manifest.Name, plugin.Manifest.Version, pluginFolder);
            }
            catch (Exception e)
            {
                var reason = e is PluginLoadException ? e.Message : Describe(e);
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
                Fail(plugin, $"mapping its endpoints failed: {Describe(e)}", logger);
            }
        }
    }

    private void Fail(LoadedPlugin plugin, string reason, ILogger logger)
    {
        loaded.Remove(plugin);
        failed.Add(new FailedPlugin(plugin.Manifest.Name, plugin.Folder, reason));
        logger.LogError("Plugin {Plugin} was taken out: {Reason}", plugin.Manifest.Name, reason);
    }

    private LoadedPlugin LoadOne(string folder, string dataDirectory, IConfiguration configuration, IServiceCollection services)
    {
        var manifest = ReadManifest(folder);
        if (loaded.Find(p => string.Equals(p.Manifest.Name, manifest.Name, StringComparison.OrdinalIgnoreCase)) is { } twin)
            throw new PluginLoadException($"a plugin named \"{manifest.Name}\" is already loaded from {twin.Folder}");
        var assemblyPath = Path.Combine(folder, manifest.Assembly);
        if (!File.Exists(assemblyPath)) throw new PluginLoadException($"its assembly {manifest.Assembly} is not in the folder");

        var loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, SharedTypes);
        Assembly assembly;
        try
        {
            assembly = loader.LoadDefaultAssembly();
        }
        catch (BadImageFormatException e)
        {
            throw new PluginLoadException($"its assembly {manifest.Assembly} is not a .NET assembly ({e.Message})");
        }
        CheckDependencies(folder, assemblyPath, assembly, loader);
        var types = ExportedTypes(assembly);

        var entryTypes = types.Where(t => typeof(IPlugin).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false }).ToList();
        if (entryTypes.Count > 1) throw new PluginLoadException($"it has {entryTypes.Count} IPlugin classes; one entry point is allowed");
        var context = new PluginContext(manifest.Name, folder, configuration.GetSection($"Plugins:{manifest.Name}"), HostSdkVersion, dataDirectory);
        IPlugin? entry = null;
        if (entryTypes.Count == 1)
        {
            var entryType = entryTypes[0];
            if (entryType.GetConstructor(Type.EmptyTypes) is null)
                throw new PluginLoadException($"its entry point {entryType.FullName} has no public parameterless constructor");
            try
            {
                entry = (IPlugin)Activator.CreateInstance(entryType)!;
            }
            catch (TargetInvocationException e)
            {
                throw new PluginLoadException($"its entry point {entryType.FullName} could not be created: {Describe(e.InnerException ?? e)}");
            }
            // Registered into a scratch collection first, so a plugin that throws half-way leaves nothing behind.
            var scratch = new ServiceCollection();
            try
            {
                entry.ConfigureServices(scratch, context);
            }
            catch (Exception e)
            {
                throw new PluginLoadException($"its entry point {entryType.FullName}.ConfigureServices failed: {Describe(e)}");
            }
            foreach (var service in scratch) services.Add(service);
        }
        return new LoadedPlugin(manifest, folder, assembly, entry, context);
    }

    private static PluginManifest ReadManifest(string folder)
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
        // The name becomes a configuration section (Plugins:<name>) and, by convention, a route segment.
        if (!PluginName().IsMatch(manifest.Name))
            throw new PluginLoadException($"{PluginManifest.FileName}: name \"{manifest.Name}\" must be letters, digits, '.', '_' or '-'");
        if (Path.GetFileName(manifest.Assembly) != manifest.Assembly)
            throw new PluginLoadException($"{PluginManifest.FileName}: assembly \"{manifest.Assembly}\" must be a file name in the plugin folder");
        if (!Version.TryParse(manifest.SdkVersion, out var sdk))
            throw new PluginLoadException($"{PluginManifest.FileName}: sdkVersion \"{manifest.SdkVersion}\" is not a version");
        if (sdk.Major != HostSdkVersion.Major || sdk > HostSdkVersion)
            throw new PluginLoadException($"built for Sdk {sdk}, but this host has Sdk {HostSdkVersion}");
        return manifest;
    }

    /// <summary>
    /// Refuses a plugin whose dependencies are not all in its folder. Without this, a missing one surfaces late (when a
    /// method that needs it first runs, often in the middle of a workflow) or never: when the host happens to carry
    /// another version of it, the load context falls back to the host's copy and the plugin silently runs on that.
    /// </summary>
    private static void CheckDependencies(string folder, string assemblyPath, Assembly assembly, PluginLoader loader)
    {
        var missing = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var depsPath = Path.ChangeExtension(assemblyPath, ".deps.json");
        if (File.Exists(depsPath))
        {
            foreach (var (library, file) in RuntimeFilesIn(depsPath))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                if (name == assembly.GetName().Name || SharedAssemblyNames.Value.Contains(name)) continue;
                // Published plugins keep a package's assemblies at the top of the folder; a build output may keep its subfolders.
                if (!File.Exists(Path.Combine(folder, Path.GetFileName(file))) && !File.Exists(Path.Combine(folder, file)))
                    missing.TryAdd(name, $"{Path.GetFileName(file)} ({library.Replace('/', ' ')})");
            }
        }
        // Without a deps.json, or for what it does not list, try what the assembly references directly.
        foreach (var reference in assembly.GetReferencedAssemblies())
        {
            if (reference.Name is null || SharedAssemblyNames.Value.Contains(reference.Name) || missing.ContainsKey(reference.Name)) continue;
            try
            {
                loader.LoadAssembly(reference);
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                missing.TryAdd(reference.Name, $"{reference.Name} {reference.Version}");
            }
        }
        if (missing.Count > 0)
            throw new PluginLoadException($"missing {(missing.Count == 1 ? "dependency" : "dependencies")} {string.Join(", ", missing.Values)}: not in the plugin folder (publish the plugin with its dependencies)");
    }

    /// <summary>The RID-neutral runtime assemblies a deps.json lists, by library ("Name/Version") and path.</summary>
    private static IEnumerable<(string Library, string File)> RuntimeFilesIn(string depsPath)
    {
        JsonDocument deps;
        try
        {
            deps = JsonDocument.Parse(File.ReadAllText(depsPath));
        }
        catch (JsonException e)
        {
            throw new PluginLoadException($"{Path.GetFileName(depsPath)} is not valid JSON: {e.Message}");
        }
        using (deps)
        {
            var root = deps.RootElement;
            if (!root.TryGetProperty("runtimeTarget", out var runtimeTarget) || !runtimeTarget.TryGetProperty("name", out var targetName)
                || !root.TryGetProperty("targets", out var targets) || !targets.TryGetProperty(targetName.GetString() ?? "", out var target))
                return [];
            var files = new List<(string, string)>();
            foreach (var library in target.EnumerateObject())
            {
                if (!library.Value.TryGetProperty("runtime", out var runtime)) continue;
                foreach (var file in runtime.EnumerateObject()) files.Add((library.Name, file.Name));
            }
            return files;
        }
    }

    private static Type[] ExportedTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetExportedTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            var causes = e.LoaderExceptions.OfType<Exception>().Select(Describe).Distinct();
            throw new PluginLoadException($"its types cannot be loaded: {string.Join("; ", causes)}");
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or TypeLoadException or BadImageFormatException)
        {
            throw new PluginLoadException($"its types cannot be loaded: {Describe(e)}");
        }
    }

    /// <summary>An exception in words, naming the assembly when the cause is one that cannot be found or loaded.</summary>
    private static string Describe(Exception e) => e switch
    {
        FileNotFoundException { FileName: { } file } when IsAssemblyName(file) => $"missing dependency {file}",
        FileLoadException { FileName: { } file } when IsAssemblyName(file) => $"dependency {file} cannot be loaded: {e.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    // The loader reports an assembly by its display name; a plugin's own missing file is reported by its path.
    private static bool IsAssemblyName(string file) => file.Contains(", Version=", StringComparison.Ordinal);

    /// <summary>The shared assemblies and everything they reference, as the load contexts will see them.</summary>
    private static HashSet<string> FindSharedAssemblyNames()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<AssemblyName>(SharedTypes.Select(t => t.Assembly.GetName()));
        while (pending.TryDequeue(out var name))
        {
            if (name.Name is null || !names.Add(name.Name)) continue;
            try
            {
                foreach (var reference in System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyName(name).GetReferencedAssemblies())
                    pending.Enqueue(reference);
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException)
            {
                // A reference the host itself cannot load is not one a plugin can share; it stays in the set by name only.
            }
        }
        return names;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}$")]
    private static partial Regex PluginName();
}
