using System.Collections.Concurrent;
using Streamis.Workflows.Engine.Definitions;

namespace Streamis.Workflows.Engine.Running;

/// <summary>Definitions held in memory; the newest version added counts as published.</summary>
public sealed class InMemoryDefinitionProvider : IWorkflowDefinitionProvider
{
    private readonly ConcurrentDictionary<(string, int), WorkflowDefinition> definitions = new();

    public InMemoryDefinitionProvider Add(WorkflowDefinition definition)
    {
        definitions[(definition.Id, definition.Version)] = definition;
        return this;
    }

    public ValueTask<WorkflowDefinition?> FindAsync(string definitionId, int? version, CancellationToken cancellationToken)
    {
        if (version is { } v) return new(definitions.GetValueOrDefault((definitionId, v)));
        var latest = definitions.Where(d => d.Key.Item1 == definitionId).OrderByDescending(d => d.Key.Item2).Select(d => d.Value).FirstOrDefault();
        return new(latest);
    }
}
