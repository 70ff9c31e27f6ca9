using Streamis.Workflows.Engine.Running;
using Streamis.Workflows.Engine.Runtime;
using Streamis.Workflows.Sdk.HostServices;

namespace Streamis.Workflows.Host.PluginServices;

/// <summary>Definitions for plugins: a version's inputs and size, and publishing a plugin's own workflow files.</summary>
public sealed class WorkflowCatalog(IDefinitionStore definitions, WorkflowRunner runner, WorkflowRuntime runtime, DefinitionFileLoader loader) : IWorkflowCatalog
{
    public async Task<PublishedWorkflow?> FindAsync(string definitionId, int? version, CancellationToken cancellationToken)
    {
        var record = await definitions.FindAsync(definitionId, version, cancellationToken);
        if (record is null) return null;
        var graph = await runner.GetGraphAsync(record.DefinitionId, record.Version, cancellationToken);
        var inputs = graph.Definition.Inputs.Select(i => new WorkflowInputInfo(i.Name, i.Type, i.Required, i.Description)).ToList();
        return new PublishedWorkflow(record.DefinitionId, record.Version, record.Name, inputs, graph.Nodes.Count);
    }

    public async Task<IReadOnlyList<string>> PublishFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var results = await loader.LoadAsync(folder, cancellationToken);
        foreach (var published in results.Where(r => r.Published && r.DefinitionId is not null)) runtime.ForgetDefinition(published.DefinitionId!);
        return results.SelectMany(r => r.Problems.Select(p => $"{r.File}: {p}")).ToList();
    }
}
