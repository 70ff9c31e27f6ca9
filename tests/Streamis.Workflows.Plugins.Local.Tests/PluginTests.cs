using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Streamis.Workflows.Plugins.Local.Tests.Support;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.Sdk.Plugins;

namespace Streamis.Workflows.Plugins.Local.Tests;

public sealed class PluginTests : LocalEngineTest
{
    [Fact]
    public void The_plugin_registers_its_three_connectors_with_the_configured_settings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Plugins:local:DataDirectory"] = DataDirectory,
            ["Plugins:local:CommandTimeout"] = "5",
            ["Plugins:local:StopTimeout"] = "00:00:07",
        }).Build();
        var services = new ServiceCollection();

        new LocalPlugin().ConfigureServices(services, new PluginContext("local", AppContext.BaseDirectory, configuration.GetSection("Plugins:local"), new Version(1, 0, 0), "/unused"));
        using var provider = services.BuildServiceProvider();

        Assert.Equal("local", provider.GetRequiredService<IJobLauncher>().Engine);
        Assert.Equal(["local"], provider.GetRequiredService<IJobLauncher>().JobTypes);
        Assert.Equal("local", provider.GetRequiredService<IJobStateFetcher>().Engine);
        Assert.Equal("local", provider.GetRequiredService<IJobLogFetcher>().Engine);
        var options = provider.GetRequiredService<LocalEngineOptions>();
        Assert.Equal((DataDirectory, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(7), false),
            (options.DataDirectory, options.CommandTimeout, options.StopTimeout, options.StopJobsWithHost));
        Assert.True(File.Exists(options.RunnerPath), options.RunnerPath);
    }

    [Fact]
    public void A_bad_setting_is_named()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["CommandTimeout"] = "soon" }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => LocalEngineOptions.FromConfiguration(configuration, AppContext.BaseDirectory, "/data"));
        Assert.Contains("Plugins:local:CommandTimeout", error.Message);
    }

    [Fact]
    public void Without_a_data_directory_setting_the_engine_lives_in_the_host_data_folder()
    {
        var options = LocalEngineOptions.FromConfiguration(new ConfigurationBuilder().Build(), AppContext.BaseDirectory, "/srv/streamis/data");

        Assert.Equal(Path.GetFullPath("/srv/streamis/data/local-engine"), options.DataDirectory);
    }

    [Fact]
    public void The_build_output_carries_the_manifest_and_the_runner()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "plugin.json")));

        Assert.Equal("local", manifest.RootElement.GetProperty("name").GetString());
        Assert.Equal("1.0.0", manifest.RootElement.GetProperty("sdkVersion").GetString());
        Assert.Equal("Streamis.Workflows.Plugins.Local.dll", manifest.RootElement.GetProperty("assembly").GetString());
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "runner", LocalEngineOptions.RunnerFileName)));
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "runner", "Streamis.Workflows.Plugins.Local.Runner.runtimeconfig.json")));
    }

    [Fact]
    public async Task A_missing_runner_is_reported_with_where_it_was_looked_for()
    {
        var launcher = new LocalJobLauncher(new LocalEngineOptions { DataDirectory = DataDirectory, RunnerPath = Path.Combine(DataDirectory, "nowhere.dll") });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => launcher.LaunchAsync(Request(70, 1), CancellationToken.None));
        Assert.Contains("runner is missing: " + Path.Combine(DataDirectory, "nowhere.dll"), error.Message);
    }
}
