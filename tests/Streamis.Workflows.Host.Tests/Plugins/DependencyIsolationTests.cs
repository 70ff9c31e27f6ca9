using System.Reflection;
using System.Runtime.Loader;
using Streamis.Workflows.Host.Tests.Support;

namespace Streamis.Workflows.Host.Tests.Plugins;

/// <summary>
/// Two test plugins ship different versions of one package (Newtonsoft.Json 12.0.3 and 13.0.1), while the test host
/// itself carries a third (13.0.4, through WireMock in the Linkis simulation). Each plugin must run on the copy in its own folder.
/// </summary>
public sealed class DependencyIsolationTests : IDisposable
{
    private const string ProbeDefinition = """
    {"id": "probe-json", "name": "Probe Json.NET in both plugins",
     "outputs": [
       {"name": "version12", "value": "{{ activities.p12.fileVersion }}"},
       {"name": "context12", "value": "{{ activities.p12.loadContext }}"},
       {"name": "sample12", "value": "{{ activities.p12.sample }}"},
       {"name": "version13", "value": "{{ activities.p13.fileVersion }}"},
       {"name": "context13", "value": "{{ activities.p13.loadContext }}"},
       {"name": "sample13", "value": "{{ activities.p13.sample }}"}],
     "root": {"id": "both", "type": "Sequence", "activities": [
       {"id": "p12", "type": "ProbeJson12"},
       {"id": "p13", "type": "ProbeJson13"}]}}
    """;

    private readonly PluginFolder plugins = new();

    [Fact]
    public async Task Each_plugin_runs_on_its_own_version_of_a_package_the_host_and_the_other_plugin_also_carry()
    {
        plugins.Add(PluginFolder.TestPlugin("json-probe-12"));
        plugins.Add(PluginFolder.TestPlugin("json-probe-13"));
        using var host = new HostFactory(plugins.Root);
        await WorkflowCalls.PublishAsync(host.ClientFor("admin"), ProbeDefinition);

        var instance = await WorkflowCalls.RunAsync(host.ClientFor("operator"), "probe-json");

        Assert.Equal("Completed", WorkflowCalls.Status(instance));
        var output = instance["output"]!;
        Assert.StartsWith("12.0.3.", (string?)output["version12"]);
        Assert.StartsWith("13.0.1.", (string?)output["version13"]);
        // McMaster names each load context after the plugin's assembly: the package came from the plugin's own context.
        Assert.Equal("JsonProbe12", (string?)output["context12"]);
        Assert.Equal("JsonProbe13", (string?)output["context13"]);
        Assert.Equal("""{"probe":12}""", (string?)output["sample12"]);
        Assert.Equal("""{"probe":13}""", (string?)output["sample13"]);
        Assert.DoesNotContain(HostCopyVersion(), new[] { (string?)output["version12"], (string?)output["version13"] });
    }

    /// <summary>The version the host's own context resolves, so the test shows the plugins did not get that one.</summary>
    private static string? HostCopyVersion()
    {
        var hostCopy = AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName("Newtonsoft.Json"));
        var version = hostCopy.GetCustomAttribute<AssemblyFileVersionAttribute>()?.Version;
        // Whichever 13.0.x the test's references bring, it must be neither plugin's, or the test would prove nothing.
        Assert.StartsWith("13.0.", version);
        Assert.DoesNotMatch(@"^13\.0\.1\.", version);
        return version;
    }

    public void Dispose() => plugins.Dispose();
}
