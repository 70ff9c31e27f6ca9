using Microsoft.Extensions.DependencyInjection;
using Streamis.Workflows.Sdk.Plugins;

namespace Streamis.Workflows.TestPlugins.Faulty;

/// <summary>Throws from ConfigureServices when its configuration says <c>FailOnStart: true</c>, so a test can choose.</summary>
public sealed class FaultyPlugin : IPlugin
{
    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        if (string.Equals(context.Configuration["FailOnStart"], "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("the faulty plugin was told to fail on start");
    }
}
