namespace Streamis.Workflows.Sdk.HostServices;

/// <summary>The host's workflow definitions as plugins need them.</summary>
public interface IWorkflowCatalog
{
    /// <summary>The published version of a definition (or the named version), or null when there is none.</summary>
    Task<PublishedWorkflow?> FindAsync(string definitionId, int? version, CancellationToken cancellationToken);

    /// <summary>
    /// Publishes the definitions in a folder's <c>*.json</c> files, as the host does with its own <c>workflows/</c>: an
    /// unchanged file changes nothing. Returns the problems of files that were not published.
    /// </summary>
    Task<IReadOnlyList<string>> PublishFolderAsync(string folder, CancellationToken cancellationToken);
}
