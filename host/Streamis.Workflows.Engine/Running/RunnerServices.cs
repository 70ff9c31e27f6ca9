using Microsoft.Extensions.Logging;
using Streamis.Workflows.Engine.Templates;

namespace Streamis.Workflows.Engine.Running;

/// <summary>The host's services, falling back to what the engine itself provides.</summary>
internal sealed class RunnerServices(WorkflowRunner runner, IServiceProvider? host) : IServiceProvider
{
    private readonly Lazy<ITemplateStore> templates = new(() => new FileTemplateStore(runner.Options.TemplatesPath));

    public object? GetService(Type serviceType)
    {
        if (host?.GetService(serviceType) is { } service) return service;
        if (serviceType == typeof(WorkflowRunner)) return runner;
        if (serviceType == typeof(ITemplateStore)) return templates.Value;
        if (serviceType == typeof(IWorkflowDefinitionProvider)) return runner.Options.Definitions;
        if (serviceType == typeof(ILoggerFactory)) return runner.Options.LoggerFactory;
        return null;
    }
}
