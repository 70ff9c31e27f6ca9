using Streamis.Workflows.Engine.Definitions;

namespace Streamis.Workflows.Engine.Runtime;

/// <summary>
/// Versions of workflow definitions. A version is a draft until published; publishing freezes it (a later save
/// makes a new version), so an instance's version never changes under it.
/// </summary>
public interface IDefinitionStore
{
    /// <summary>A version, or the published one when <paramref name="version"/> is null.</summary>
    Task<DefinitionRecord?> FindAsync(string definitionId, int? version, CancellationToken cancellationToken);

    /// <summary>Saves as the latest draft: updates the draft in place, or starts version N+1 after a published one.</summary>
    Task<DefinitionRecord> SaveDraftAsync(WorkflowDefinition definition, CancellationToken cancellationToken);

    /// <summary>Publishes a version (the latest when null); the previously published one is retired.</summary>
    Task<DefinitionRecord?> PublishAsync(string definitionId, int? version, CancellationToken cancellationToken);

    /// <summary>Takes the published version out of use; running instances carry on. False when none was published.</summary>
    Task<bool> RetractAsync(string definitionId, CancellationToken cancellationToken);

    Task<IReadOnlyList<DefinitionRecord>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken);

    Task<IReadOnlyList<DefinitionSummary>> ListAsync(CancellationToken cancellationToken);
}
