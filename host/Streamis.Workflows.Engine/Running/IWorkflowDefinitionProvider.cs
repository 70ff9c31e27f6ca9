using Streamis.Workflows.Engine.Definitions;

namespace Streamis.Workflows.Engine.Running;

/// <summary>Finds definitions by id; a null version means the published one.</summary>
public interface IWorkflowDefinitionProvider
{
    ValueTask<WorkflowDefinition?> FindAsync(string definitionId, int? version, CancellationToken cancellationToken);
}
