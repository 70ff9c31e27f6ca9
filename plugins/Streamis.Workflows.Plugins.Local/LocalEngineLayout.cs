using System.Globalization;
using Streamis.Workflows.Plugins.Local.Protocol;

namespace Streamis.Workflows.Plugins.Local;

/// <summary>
/// Where a job's files live in the engine's data folder, and the guard that keeps every path a user gives (a state
/// to restore, a savepoint folder) inside that folder:
/// <code>
/// jobs/&lt;job id&gt;/output/events.txt               the stream's output, shared by the job's tasks
/// jobs/&lt;job id&gt;/tasks/&lt;task&gt;/                    runner.json, launch.json, client.log, status.json, exit.json, control/, resources/
/// jobs/&lt;job id&gt;/checkpoints/&lt;task&gt;/chk-N/_metadata
/// jobs/&lt;job id&gt;/savepoints/&lt;task&gt;/savepoint-&lt;id&gt;/_metadata
/// </code>
/// </summary>
internal sealed class LocalEngineLayout(string dataDirectory)
{
    public string Root { get; } = Path.GetFullPath(dataDirectory);

    public string JobDirectory(long jobId) => Path.Combine(Root, "jobs", jobId.ToString(CultureInfo.InvariantCulture));

    public string TaskDirectory(long jobId, string taskKey) => Path.Combine(JobDirectory(jobId), "tasks", taskKey);

    public string CheckpointDirectory(long jobId, string taskKey) => Path.Combine(JobDirectory(jobId), "checkpoints", taskKey);

    public string SavepointDirectory(long jobId, string taskKey) => Path.Combine(JobDirectory(jobId), "savepoints", taskKey);

    public string OutputFile(long jobId) => Path.Combine(JobDirectory(jobId), "output", "events.txt");

    /// <summary>
    /// A user-given path as a full path: relative ones are taken from the job's folder, <c>file:</c> URIs are
    /// accepted, anything that ends up outside the data folder is refused.
    /// </summary>
    public string Resolve(long jobId, string location, string what)
    {
        if (string.IsNullOrWhiteSpace(location)) throw new ArgumentException($"The {what} is empty.");
        var path = location.Trim();
        if (path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            path = Uri.TryCreate(path, UriKind.Absolute, out var uri) && uri.IsFile
                ? uri.LocalPath
                : throw new ArgumentException($"The {what} '{location}' is not a valid file URI.");
        }
        else if (path.Contains("://", StringComparison.Ordinal))
        {
            throw new ArgumentException($"The Local engine keeps its states on this machine's disk; the {what} '{location}' is not a local path.");
        }
        var full = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(JobDirectory(jobId), path));
        if (!IsInside(full))
            throw new ArgumentException($"The {what} '{location}' is outside the Local engine's data folder {Root}; only paths inside it are allowed.");
        return full;
    }

    /// <summary>A state location as the <c>_metadata</c> file it names: that file itself, or the folder that holds it.</summary>
    public string ResolveState(long jobId, string location)
    {
        var full = Resolve(jobId, location, "state location");
        return Path.GetFileName(full) == RunnerFiles.Metadata ? full : Path.Combine(full, RunnerFiles.Metadata);
    }

    public bool IsInside(string fullPath)
    {
        var root = Path.EndsInDirectorySeparator(Root) ? Root : Root + Path.DirectorySeparatorChar;
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return fullPath.StartsWith(root, comparison) && fullPath.Length > root.Length;
    }
}
