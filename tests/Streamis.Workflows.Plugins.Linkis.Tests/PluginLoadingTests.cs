using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Streamis.Workflows.Host.Plugins;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.Simulation;

namespace Streamis.Workflows.Plugins.Linkis.Tests;

/// <summary>The built linkis and yarn plugin folders, loaded from disk by the host's plugin loading, each in its own load context.</summary>
public sealed class PluginLoadingTests : IDisposable
{
    private readonly LinkisSimulation linkis = LinkisSimulation.Start();
    private readonly string data = Directory.CreateTempSubdirectory("linkis-plugin-data-").FullName;
    private ServiceProvider? provider;

    private (PluginCatalog Catalog, ServiceProvider Provider) Load(Dictionary<string, string?> settings)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "plugins");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        var catalog = PluginCatalog.Load(folder, data, configuration, services, NullLogger.Instance);
        provider = services.BuildServiceProvider();
        return (catalog, provider);
    }

    [Fact]
    public async Task Configured_plugins_load_register_their_connectors_and_launch_through_their_HTTP_clients()
    {
        var (catalog, services) = Load(new Dictionary<string, string?>
        {
            ["Plugins:linkis:GatewayUrl"] = linkis.Url,
            ["Plugins:linkis:TokenCode"] = linkis.Options.TokenCode,
            ["Plugins:linkis:StatusPollInterval"] = "0.02",
            ["Plugins:yarn:ResourceManagerUrl"] = linkis.ResourceManagerUrl,
        });

        Assert.DoesNotContain(catalog.Failed, f => f.Name is "linkis" or "yarn");
        Assert.Contains(catalog.Loaded, p => p.Manifest.Name == "linkis");
        Assert.Contains(catalog.Loaded, p => p.Manifest.Name == "yarn");
        var launcher = services.GetServices<IJobLauncher>().Single(l => l.Engine == "linkis-flink");
        Assert.NotEqual(typeof(LinkisFlinkLauncher).Assembly, launcher.GetType().Assembly);
        Assert.Single(services.GetServices<IJobStateFetcher>(), f => f.Engine == "linkis-flink");
        // Other plugins of the host (DSS) may add resolvers of their own; the Linkis session resolver is one.
        Assert.Single(services.GetServices<IUserResolver>(), r => r.GetType().Name == "LinkisUserResolver");
        Assert.Single(services.GetServices<IApplicationReporter>());

        var handle = await launcher.LaunchAsync(new JobLaunchRequest(1, 2, "p", "j", "flink.sql", "v00001", "alice", """{"type":"sql","sql":"SELECT 1"}""",
            new Dictionary<string, string>(), [], null, "loaded-launch"), CancellationToken.None);
        var log = await services.GetServices<IJobLogFetcher>().Single(f => f.LogTypes.Contains("yarn"))
            .FetchAsync(handle, new JobLogRequest("yarn", LastRows: 5), CancellationToken.None);

        Assert.Equal(linkis.LastEngineConn.Application.Id, handle.Get("applicationId"));
        Assert.NotEmpty(log.Lines);
    }

    [Fact]
    public async Task Unconfigured_plugins_load_and_say_what_to_configure_when_used()
    {
        var (catalog, services) = Load([]);

        Assert.Contains(catalog.Loaded, p => p.Manifest.Name == "linkis");
        Assert.DoesNotContain(services.GetServices<IUserResolver>(), r => r.GetType().Name == "LinkisUserResolver");
        var launcher = services.GetServices<IJobLauncher>().Single(l => l.Engine == "linkis-flink");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => launcher.GetStatusAsync(new JobHandle("linkis-flink", "x", new Dictionary<string, string>()), CancellationToken.None));
        Assert.Contains("set Plugins:linkis:GatewayUrl and Plugins:linkis:TokenCode", error.Message);
    }

    [Fact]
    public void A_wrong_configuration_keeps_the_plugin_out_and_names_every_bad_key()
    {
        var (catalog, _) = Load(new Dictionary<string, string?>
        {
            ["Plugins:linkis:GatewayUrl"] = "ftp://gateway",
            ["Plugins:linkis:LinkisVersion"] = "one",
            ["Plugins:linkis:SavepointMode"] = "explode",
        });

        var failed = Assert.Single(catalog.Failed, f => f.Name == "linkis");
        Assert.Contains("Plugins:linkis:GatewayUrl must be an http:// or https:// address", failed.Error);
        Assert.Contains("Plugins:linkis:TokenCode is required", failed.Error);
        Assert.Contains("Plugins:linkis:LinkisVersion must be a release number", failed.Error);
        Assert.Contains("Plugins:linkis:SavepointMode must be trigger, cancel or stop", failed.Error);
    }

    public void Dispose()
    {
        provider?.Dispose();
        linkis.Dispose();
        Directory.Delete(data, recursive: true);
    }
}
