using Streamis.Workflows.Engine.Definitions;
using Streamis.Workflows.Engine.Registry;
using Streamis.Workflows.Engine.Running;

namespace Streamis.Workflows.Engine.Runtime;

/// <summary>Lets the runner (RunWorkflow, resumed instances) find definitions in the definition store.</summary>
public sealed class StoreDefinitionProvider(IDefinitionStore store, ActivityRegistry registry) : IWorkflowDefinitionProvider
{
    private readonly DefinitionReader reader = new(registry);

    public async ValueTask<WorkflowDefinition?> FindAsync(string definitionId, int? version, CancellationToken cancellationToken)
    {
        var record = await store.FindAsync(definitionId, version, cancellationToken).ConfigureAwait(false);
        if (record is null) return null;
        var (definition, problems) = reader.Read(record.Json);
        if (definition is null || problems.Count > 0)
            throw new Execution.InvalidStateException($"stored definition \"{definitionId}\" version {record.Version} no longer reads: {string.Join("; ", problems)}");
        definition.Version = record.Version;
        return definition;
    }
}
