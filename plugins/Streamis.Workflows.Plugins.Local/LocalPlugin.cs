using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.Sdk.Plugins;

namespace Streamis.Workflows.Plugins.Local;

/// <summary>The Local engine plugin: a launcher, a state fetcher, a log fetcher and a metrics reporter for jobs of type <c>local</c>.</summary>
public sealed class LocalPlugin : IPlugin
{
    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = LocalEngineOptions.FromConfiguration(context.Configuration, context.Folder, context.DataDirectory);
        services.AddSingleton(options);
        services.AddSingleton<IJobLauncher>(provider => new LocalJobLauncher(options, provider.GetService<ILogger<LocalJobLauncher>>()));
        services.AddSingleton<IJobStateFetcher>(_ => new LocalJobStateFetcher(options));
        services.AddSingleton<IJobLogFetcher>(_ => new LocalJobLogFetcher());
        services.AddSingleton<IJobMetricsReporter>(_ => new LocalJobMetricsReporter());
    }
}
