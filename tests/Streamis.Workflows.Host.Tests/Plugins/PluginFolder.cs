namespace Streamis.Workflows.Host.Tests.Plugins;

/// <summary>
/// A plugins folder of one test, assembled from plugin folders as the build left them beside this assembly: the host's
/// own (<c>plugins/&lt;name&gt;</c>, which the host reference brings along) and the test plugins
/// (<c>test-plugins/&lt;name&gt;</c>). They are copied, so a test may break its copies.
/// </summary>
internal sealed class PluginFolder : IDisposable
{
    public PluginFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "swf-plugin-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>A plugin built into the host's output, as it ships.</summary>
    public static string Shipped(string name) => Built("plugins", name);

    /// <summary>A plugin of tests/plugins, as built.</summary>
    public static string TestPlugin(string name) => Built("test-plugins", name);

    /// <summary>Copies a plugin folder in, under <paramref name="folderName"/> or its own name, and returns the copy.</summary>
    public string Add(string source, string? folderName = null)
    {
        var target = Path.Combine(Root, folderName ?? Path.GetFileName(source));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return target;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string Built(string folder, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, folder, name);
        if (!File.Exists(Path.Combine(path, "plugin.json")))
            throw new InvalidOperationException($"{path} holds no plugin.json: the build should have put the plugin '{name}' there.");
        return path;
    }
}
