using System.Collections.Concurrent;
using Streamis.Workflows.Engine.Definitions;
using Streamis.Workflows.Engine.Registry;
using Streamis.Workflows.Engine.Running;

namespace Streamis.Workflows.Engine.Runtime;

/// <summary>Lets the runner (RunWorkflow, resumed instances) find definitions in the definition store.</summary>
public sealed class StoreDefinitionProvider(IDefinitionStore store, ActivityRegistry registry) : IWorkflowDefinitionProvider
{
    private readonly DefinitionReader reader = new(registry);

    // The definition read last per version, by content hash: the same object comes back for the same content, so the
    // runner's compiled graph is reused; a bulk run starting a child per job would otherwise parse and compile each.
    private readonly ConcurrentDictionary<(string Id, int Version), (string Hash, WorkflowDefinition Definition)> read = new();

    public async ValueTask<WorkflowDefinition?> FindAsync(string definitionId, int? version, CancellationToken cancellationToken)
    {
        var record = await store.FindAsync(definitionId, version, cancellationToken).ConfigureAwait(false);
        if (record is null) return null;
        if (read.TryGetValue((definitionId, record.Version), out var known) && known.Hash == record.Hash) return known.Definition;
        var (definition, problems) = reader.Read(record.Json);
        if (definition is null || problems.Count > 0)
            throw new Execution.InvalidStateException($"stored definition \"{definitionId}\" version {record.Version} no longer reads: {string.Join("; ", problems)}");
        definition.Version = record.Version;
        read[(definitionId, record.Version)] = (record.Hash, definition);
        return definition;
    }
}
