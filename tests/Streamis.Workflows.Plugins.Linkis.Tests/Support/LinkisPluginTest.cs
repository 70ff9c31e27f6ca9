using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.Sdk.Plugins;
using Streamis.Workflows.Simulation;

namespace Streamis.Workflows.Plugins.Linkis.Tests.Support;

/// <summary>
/// The Linkis plugin wired as the host wires it (its ConfigureServices into a service collection, HttpClientFactory and
/// the resilience handler included) against a fresh Linkis simulation, with quick poll intervals and short time-outs.
/// </summary>
public abstract class LinkisPluginTest : IDisposable
{
    private readonly List<ServiceProvider> providers = [];

    protected LinkisPluginTest()
    {
        Linkis = LinkisSimulation.Start();
        Services = Build();
    }

    protected LinkisSimulation Linkis { get; }

    protected CapturedLogs Logs { get; } = new();

    protected IServiceProvider Services { get; private set; }

    protected IJobLauncher Launcher => Services.GetRequiredService<IJobLauncher>();

    protected IJobStateFetcher States => Services.GetRequiredService<IJobStateFetcher>();

    protected IJobLogFetcher ClientLogs => Services.GetRequiredService<IJobLogFetcher>();

    protected static CancellationToken None => CancellationToken.None;

    /// <summary>Rewires the plugin with some settings changed (e.g. LinkisVersion, StateSearchScope).</summary>
    protected void Reconfigure(params (string Key, string Value)[] settings) => Services = Build(settings);

    protected IServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Plugins:linkis:GatewayUrl"] = Linkis.Url,
            ["Plugins:linkis:TokenCode"] = Linkis.Options.TokenCode,
            ["Plugins:linkis:RequestTimeout"] = "5",
            ["Plugins:linkis:MaxRetries"] = "2",
            ["Plugins:linkis:LaunchTimeout"] = "20",
            ["Plugins:linkis:StatusPollInterval"] = "0.02",
            ["Plugins:linkis:ApplicationInfoDelay"] = "0.01",
            ["Plugins:linkis:ApplicationInfoMaxDelay"] = "0.05",
        };
        foreach (var (key, value) in settings) values["Plugins:linkis:" + key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        RegisterMore(services);
        new LinkisPlugin().ConfigureServices(services, new PluginContext("linkis", AppContext.BaseDirectory, configuration.GetSection("Plugins:linkis"), new Version(1, 0, 0), Path.GetTempPath()));
        var provider = services.BuildServiceProvider();
        providers.Add(provider);
        return provider;
    }

    /// <summary>Lets a test add services the plugin consumes (an application reporter).</summary>
    protected virtual void RegisterMore(IServiceCollection services)
    {
    }

    protected static JobLaunchRequest SqlJob(long taskId = 42, IReadOnlyDictionary<string, string>? configuration = null, string? restoreFrom = null,
        string sql = "INSERT INTO sink SELECT * FROM source", string user = "alice", string? executionId = null) =>
        new(7, taskId, "demo", "orders", "flink.sql", "v00001", user, $$"""{"type":"sql","sql":"{{sql}}"}""",
            configuration ?? new Dictionary<string, string>(), [], restoreFrom, executionId ?? string.Create(CultureInfo.InvariantCulture, $"launch-{taskId}-{Guid.NewGuid():N}"));

    protected async Task<JobHandle> LaunchAsync(JobLaunchRequest? request = null) => await Launcher.LaunchAsync(request ?? SqlJob(), None);

    /// <summary>The plugin must never show the token: not in an error, not in a log line.</summary>
    protected void AssertTokenNeverShown(params Exception[] errors)
    {
        foreach (var error in errors) Assert.DoesNotContain(Linkis.Options.TokenCode, error.ToString(), StringComparison.Ordinal);
        foreach (var line in Logs.Lines) Assert.DoesNotContain(Linkis.Options.TokenCode, line, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var provider in providers) provider.Dispose();
        Linkis.Dispose();
        GC.SuppressFinalize(this);
    }
}
