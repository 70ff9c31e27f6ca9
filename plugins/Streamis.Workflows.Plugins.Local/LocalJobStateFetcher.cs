using System.Text.RegularExpressions;
using Streamis.Workflows.Plugins.Local.Protocol;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Local;

/// <summary>
/// Finds a job's checkpoints and savepoints in its folder, across all its tasks (a restore takes the newest state of
/// whichever task wrote it). As in Streamis, a state is a <c>chk-N</c> or <c>savepoint-&lt;id&gt;</c> folder with a
/// <c>_metadata</c> file, the newest by modification time wins, and its location is the <c>_metadata</c> path.
/// </summary>
public sealed partial class LocalJobStateFetcher(LocalEngineOptions options) : IJobStateFetcher
{
    private readonly LocalEngineLayout layout = new(options.DataDirectory);

    public string Engine => LocalJobLauncher.EngineName;

    public Task<JobState?> FindLatestAsync(JobStateQuery query, JobStateKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var jobDirectory = layout.JobDirectory(query.JobId);
        if (!Directory.Exists(jobDirectory)) return Task.FromResult<JobState?>(null);
        var pattern = kind == JobStateKind.Checkpoint ? CheckpointFolder() : SavepointFolder();
        // Searching the whole job folder also finds savepoints taken into a folder the user named (relative paths land here).
        var newest = Directory.EnumerateFiles(jobDirectory, RunnerFiles.Metadata, SearchOption.AllDirectories)
            .Where(file => pattern.IsMatch(Path.GetFileName(Path.GetDirectoryName(file)!)))
            .Select(file => new FileInfo(file))
            .Where(file => file.Exists)
            .OrderByDescending(file => file.LastWriteTimeUtc)
            .ThenByDescending(file => file.FullName, StringComparer.Ordinal)
            .FirstOrDefault();
        return Task.FromResult(newest is null
            ? null
            : new JobState(kind, newest.FullName, new DateTimeOffset(newest.LastWriteTimeUtc, TimeSpan.Zero)));
    }

    public Task<bool> ExistsAsync(JobStateQuery query, string location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Task.FromResult(File.Exists(layout.ResolveState(query.JobId, location)));
    }

    [GeneratedRegex(@"^chk-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex CheckpointFolder();

    [GeneratedRegex(@"^savepoint-[\w-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SavepointFolder();
}
