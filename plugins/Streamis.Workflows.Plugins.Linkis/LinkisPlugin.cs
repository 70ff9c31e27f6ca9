using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Streamis.Workflows.Plugins.Linkis.Gateway;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.Sdk.Plugins;

namespace Streamis.Workflows.Plugins.Linkis;

/// <summary>
/// The Linkis plugin: the <c>linkis-flink</c> launcher, state fetcher and client-log fetcher, and the Linkis session
/// user resolver. Without configuration it registers a stand-in engine that says what to configure, and no resolver.
/// </summary>
public sealed class LinkisPlugin : IPlugin
{
    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var section = $"Plugins:{context.Name}";
        var options = LinkisOptions.FromConfiguration(context.Configuration, section);
        if (options is null)
        {
            var standIn = new UnconfiguredLinkisEngine(section);
            services.AddSingleton<IJobLauncher>(standIn);
            services.AddSingleton<IJobStateFetcher>(standIn);
            services.AddSingleton<IJobLogFetcher>(standIn);
            return;
        }
        services.AddSingleton(options);
        LinkisHttpClients.Add(services, context.Name, options.Gateway);
        LinkisGateway Gateway(IServiceProvider provider) => LinkisGateway.From(provider, context.Name, options.Gateway);
        services.AddSingleton<IJobLauncher>(provider => new LinkisFlinkLauncher(options, Gateway(provider), provider.GetServices<IApplicationReporter>(),
            provider.GetService<ILogger<LinkisFlinkLauncher>>()));
        services.AddSingleton<IJobStateFetcher>(provider => new LinkisJobStateFetcher(options, Gateway(provider)));
        services.AddSingleton<IJobLogFetcher>(provider => new LinkisJobLogFetcher(Gateway(provider)));
        services.AddSingleton<IUserResolver>(provider => new LinkisUserResolver(options, Gateway(provider), provider.GetService<TimeProvider>(),
            provider.GetService<ILogger<LinkisUserResolver>>()));
    }
}
