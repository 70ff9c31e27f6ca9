using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Streamis.Workflows.Host.Tests.Support;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Host.Tests.Plugins;

/// <summary>
/// The <c>dotnet new</c> template in templates/plugin, used as a team would: installed from the checkout, instantiated
/// in a folder outside it, published, and loaded into the host.
/// </summary>
public sealed class PluginTemplateTests : IDisposable
{
    private readonly string work = Path.Combine(Path.GetTempPath(), "swf-template-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Template_makes_a_plugin_that_builds_against_the_Sdk_and_loads_into_the_host()
    {
        Directory.CreateDirectory(work);
        var repository = RepositoryRoot();
        var sdkProject = Path.Combine(repository, "host", "Streamis.Workflows.Sdk", "Streamis.Workflows.Sdk.csproj");
        // A template-engine home of its own, so nothing is installed for the machine's user.
        var hive = Path.Combine(work, "hive");
        var source = Path.Combine(work, "src", "MyTeam.Plugin");
        var pluginsRoot = Path.Combine(work, "plugins");

        await DotnetCli.RunAsync(work, "new", "install", Path.Combine(repository, "templates", "plugin"), "--debug:custom-hive", hive);
        await DotnetCli.RunAsync(work, "new", "streamis-plugin", "-n", "MyTeam.Plugin", "-o", source, "--sdk-project", sdkProject, "--debug:custom-hive", hive);
        // The Sdk was built before the tests: only the new project is restored and built, so the checkout is left as it is.
        await DotnetCli.RunAsync(work, "publish", Path.Combine(source, "MyTeam.Plugin.csproj"), "-c", BuildConfiguration(),
            "-o", Path.Combine(pluginsRoot, "myteam-plugin"), "--no-dependencies", "-p:BuildProjectReferences=false",
            "-p:UseSharedCompilation=false", "-nodeReuse:false");

        Assert.Equal(["Greet.cs", "GreetingSettings.cs", "LogAlerter.cs", "MyTeam.Plugin.csproj", "PluginEntry.cs", "plugin.json"],
            Directory.GetFiles(source).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.False(File.Exists(Path.Combine(pluginsRoot, "myteam-plugin", "Streamis.Workflows.Sdk.dll")), "the Sdk must come from the host");

        using var host = new HostFactory(pluginsRoot, new Dictionary<string, string?> { ["Plugins:myteam-plugin:Greeting"] = "Welcome" });
        var admin = host.ClientFor("admin");
        var listing = await admin.GetFromJsonAsync<JsonObject>("/api/plugins");
        Assert.Empty(listing!["failed"]!.AsArray());
        Assert.Equal("myteam-plugin", (string?)Assert.Single(listing["loaded"]!.AsArray())!["name"]);

        await WorkflowCalls.PublishAsync(admin, """
        {"id": "greet-ops", "outputs": [{"name": "greeting", "value": "{{ activities.greet.greeting }}"}],
         "root": {"id": "greet", "type": "MyTeamPluginGreet", "inputs": {"name": "ops"}}}
        """);
        var instance = await WorkflowCalls.RunAsync(host.ClientFor("operator"), "greet-ops");
        Assert.Equal("Completed", WorkflowCalls.Status(instance));
        Assert.Equal("Welcome, ops", (string?)instance["output"]!["greeting"]);

        // The stream-job domain's own "log" alerter is always there besides the plugin's.
        var alerter = Assert.Single(host.Services.GetServices<IAlerter>(), a => a.Name != "log");
        Assert.Equal("myteam-plugin-log", alerter.Name);
        await alerter.SendAsync(new Alert(AlertLevel.Warning, "from the template", "it works", [], DateTimeOffset.UtcNow), CancellationToken.None);
        var greeting = await host.ClientFor("viewer").GetFromJsonAsync<JsonObject>("/api/plugins/myteam-plugin/greeting");
        Assert.Equal("Welcome", (string?)greeting!["greeting"]);
    }

    public void Dispose()
    {
        try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Streamis.Workflows.sln"))) return folder.FullName;
        throw new InvalidOperationException($"no Streamis.Workflows.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>The configuration these tests were built in, which is the one the Sdk was built in.</summary>
    private static string BuildConfiguration() =>
        typeof(PluginTemplateTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
}
