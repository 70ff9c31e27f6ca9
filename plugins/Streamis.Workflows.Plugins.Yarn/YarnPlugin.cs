using Microsoft.Extensions.DependencyInjection;
using Streamis.Workflows.Plugins.Linkis.Gateway;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.Sdk.Plugins;

namespace Streamis.Workflows.Plugins.Yarn;

/// <summary>
/// The YARN plugin: the <c>yarn</c> log of linkis-flink jobs and, with a ResourceManager, the YARN state of their
/// applications (which the Linkis launcher consults when Linkis reports a failure).
/// </summary>
public sealed class YarnPlugin : IPlugin
{
    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var section = $"Plugins:{context.Name}";
        var options = YarnOptions.FromConfiguration(context.Configuration, section);
        if (options is null)
        {
            services.AddSingleton<IJobLogFetcher>(new UnconfiguredYarnLogs(section));
            return;
        }
        services.AddSingleton(options);
        var gatewaySettings = options.Gateway;
        if (gatewaySettings is not null) LinkisHttpClients.Add(services, context.Name, gatewaySettings);
        if (options.ResourceManagerUrl is not null)
        {
            LinkisHttpClients.AddRetrying(services, ResourceManagerClient.ClientName, options.RequestTimeout, options.MaxRetries);
            services.AddSingleton<IApplicationReporter>(provider => new YarnApplicationReporter(ResourceManager(provider, options)));
        }
        services.AddSingleton<IJobLogFetcher>(provider => new YarnJobLogFetcher(options,
            options.ResourceManagerUrl is null ? null : ResourceManager(provider, options),
            gatewaySettings is null ? null : LinkisGateway.From(provider, context.Name, gatewaySettings)));
    }

    private static ResourceManagerClient ResourceManager(IServiceProvider provider, YarnOptions options) =>
        new(provider.GetRequiredService<IHttpClientFactory>(), options);
}
