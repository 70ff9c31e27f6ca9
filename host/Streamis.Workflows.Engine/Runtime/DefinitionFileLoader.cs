using Microsoft.Extensions.Logging;
using Streamis.Workflows.Engine.Running;

namespace Streamis.Workflows.Engine.Runtime;

/// <summary>
/// Publishes the definitions in a folder's <c>*.json</c> files at start-up. A file whose content matches the
/// published version changes nothing, so restarts do not pile up versions; a changed file becomes a new version.
/// </summary>
public sealed class DefinitionFileLoader(WorkflowRunner runner, IDefinitionStore store, ILogger? logger = null)
{
    public async Task<IReadOnlyList<DefinitionLoadResult>> LoadAsync(string folder, CancellationToken cancellationToken)
    {
        var results = new List<DefinitionLoadResult>();
        if (!Directory.Exists(folder)) return results;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var (definition, problems) = runner.Reader.Read(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false));
            if (definition is not null && problems.Count == 0) problems = runner.Validate(definition);
            if (definition is null || problems.Count > 0)
            {
                logger?.LogError("Workflow file {File} is not loaded: {Problems}", name, string.Join("; ", problems));
                results.Add(new DefinitionLoadResult(name, null, null, false, problems.Select(p => p.ToString()).ToList()));
                continue;
            }
            var published = await store.FindAsync(definition.Id, null, cancellationToken).ConfigureAwait(false);
            if (published is not null && published.Hash == DefinitionHash.Of(definition))
            {
                results.Add(new DefinitionLoadResult(name, definition.Id, published.Version, false, []));
                continue;
            }
            var saved = await store.SaveDraftAsync(definition, cancellationToken).ConfigureAwait(false);
            var record = await store.PublishAsync(saved.DefinitionId, saved.Version, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"version {saved.Version} of \"{saved.DefinitionId}\" vanished while being published");
            logger?.LogInformation("Published workflow {DefinitionId} version {Version} from {File}", definition.Id, record.Version, name);
            results.Add(new DefinitionLoadResult(name, definition.Id, record.Version, true, []));
        }
        return results;
    }
}
