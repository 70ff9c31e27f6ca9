using System.Text.RegularExpressions;
using Streamis.Workflows.Plugins.Linkis.Gateway;
using Streamis.Workflows.Plugins.Linkis.State;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Linkis;

/// <summary>
/// Finds a job's newest checkpoint or savepoint through Linkis' filesystem API (<c>getDirFileTrees</c>, one folder
/// level per call), in the state folders of Streamis' convention: a file whose whole path matches the configured
/// pattern (<c>…/chk-N/_metadata</c>, <c>…/savepoint-x/_metadata</c>), the newest by modification time.
/// </summary>
public sealed class LinkisJobStateFetcher : IJobStateFetcher
{
    /// <summary>Flink's folders of checkpoint data files: they hold no <c>_metadata</c> and can be huge, so they are not listed.</summary>
    private static readonly HashSet<string> DataFolders = new(StringComparer.Ordinal) { "shared", "taskowned" };

    private readonly LinkisOptions options;
    private readonly LinkisGateway gateway;
    private readonly StateDirectories directories;

    internal LinkisJobStateFetcher(LinkisOptions options, LinkisGateway gateway)
    {
        this.options = options;
        this.gateway = gateway;
        directories = new StateDirectories(options);
    }

    public string Engine => LinkisFlinkLauncher.EngineName;

    public async Task<JobState?> FindLatestAsync(JobStateQuery query, JobStateKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var checkpoints = kind == JobStateKind.Checkpoint;
        var user = UserOf(query);
        var pattern = checkpoints ? options.CheckpointPattern : options.SavepointPattern;
        var root = RootOf(query, checkpoints);
        var newest = await NewestAsync(root, pattern, user, cancellationToken).ConfigureAwait(false);
        return newest is null
            ? null
            : new JobState(kind, directories.WithAuthority(newest.Path), DateTimeOffset.FromUnixTimeMilliseconds(newest.ModifyTime));
    }

    public async Task<bool> ExistsAsync(JobStateQuery query, string location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrWhiteSpace(location)) return false;
        var user = UserOf(query);
        var path = location.Trim().TrimEnd('/');
        if (await ListAsync(path, user, cancellationToken).ConfigureAwait(false) is not null) return true;
        var cut = path.LastIndexOf('/');
        if (cut <= path.IndexOf("://", StringComparison.Ordinal) + 2) return false;
        var parent = await ListAsync(path[..cut], user, cancellationToken).ConfigureAwait(false);
        var name = path[(cut + 1)..];
        return parent?.Children.Any(child => child.Name == name) == true;
    }

    private string RootOf(JobStateQuery query, bool checkpoints)
    {
        if (options.StateSearchScope == StateSearchScope.Task && query.Handle is { } handle)
        {
            var task = LinkisHandle.FromJobHandle(handle, query.SubmitUser);
            var stored = checkpoints ? task.CheckpointDirectory : task.SavepointDirectory;
            if (stored is not null) return stored;
            if (task.LaunchName is { } launchName) return checkpoints ? directories.CheckpointsOf(launchName) : directories.SavepointsOf(launchName);
        }
        return directories.JobFolder(checkpoints, query.ProjectName, query.JobName);
    }

    private static string UserOf(JobStateQuery query) =>
        query.Handle?.Get(LinkisHandle.UserKey) is { Length: > 0 } user ? user : query.SubmitUser;

    /// <summary>Walks the folder tree level by level, down to the configured depth, keeping the newest matching file.</summary>
    private async Task<DirFileTree?> NewestAsync(string root, Regex pattern, string user, CancellationToken cancellationToken)
    {
        DirFileTree? newest = null;
        var level = new List<string> { root };
        for (var depth = 0; depth <= options.StateSearchDepth && level.Count > 0; depth++)
        {
            var next = new List<string>();
            foreach (var folder in level)
            {
                var tree = await ListAsync(folder, user, cancellationToken).ConfigureAwait(false);
                if (tree is null) continue;
                foreach (var child in tree.Children)
                {
                    if (!child.IsLeaf)
                    {
                        if (!DataFolders.Contains(child.Name)) next.Add(child.Path);
                    }
                    else if (pattern.IsMatch(child.Path) && (newest is null || child.ModifyTime > newest.ModifyTime
                        || (child.ModifyTime == newest.ModifyTime && string.CompareOrdinal(child.Path, newest.Path) > 0)))
                    {
                        newest = child;
                    }
                }
            }
            level = next;
        }
        return newest;
    }

    private async Task<DirFileTree?> ListAsync(string path, string user, CancellationToken cancellationToken)
    {
        var data = await gateway.GetAsync("getDirFileTrees", "filesystem/getDirFileTrees?path=" + Uri.EscapeDataString(path), user, cancellationToken)
            .ConfigureAwait(false);
        return DirFileTree.FromData(data);
    }
}
