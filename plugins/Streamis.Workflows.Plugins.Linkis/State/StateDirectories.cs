using System.Globalization;
using System.Text;

namespace Streamis.Workflows.Plugins.Linkis.State;

/// <summary>
/// Streamis' state folder convention (§5.2): a task's checkpoints and savepoints live under the configured roots, in
/// root + "/" + launch name (<c>&lt;project&gt;.&lt;job&gt;.&lt;task&gt;</c>) with every "." turned into a folder level,
/// written as <c>&lt;scheme&gt;://&lt;authority&gt;&lt;path&gt;</c> (<c>hdfs:///flink/flink-checkpoints/p/j/42</c>).
/// </summary>
internal sealed class StateDirectories(LinkisOptions options)
{
    public static string LaunchName(string project, string job, long taskId) =>
        string.Create(CultureInfo.InvariantCulture, $"{project}.{job}.{taskId}");

    /// <summary>The Flink application name: the launch name without its task.</summary>
    public static string ApplicationName(string project, string job) => $"{project}.{job}";

    public string CheckpointsOf(string launchName) => Location(options.CheckpointDirectory + "/" + launchName);

    public string SavepointsOf(string launchName) => Location(options.SavepointDirectory + "/" + launchName);

    /// <summary>The folder that holds every task's folder of one job (for a search across its tasks).</summary>
    public string JobFolder(bool checkpoints, string project, string job) =>
        Location((checkpoints ? options.CheckpointDirectory : options.SavepointDirectory) + "/" + ApplicationName(project, job));

    /// <summary>Linkis answers paths without their authority (<c>hdfs:///…</c>); the configured one is put back.</summary>
    public string WithAuthority(string location)
    {
        var bare = options.StateScheme + ":///";
        return options.StateAuthority.Length > 0 && location.StartsWith(bare, StringComparison.Ordinal)
            ? $"{options.StateScheme}://{options.StateAuthority}/{location[bare.Length..]}"
            : location;
    }

    private string Location(string path) => $"{options.StateScheme}://{options.StateAuthority}{Normalise(path)}";

    /// <summary>Backslashes and dots become "/", repeated "/" collapse, no trailing "/", as Streamis writes them.</summary>
    internal static string Normalise(string path)
    {
        var builder = new StringBuilder(path.Length + 1);
        foreach (var c in path.Replace('\\', '/').Replace('.', '/'))
        {
            if (c == '/' && builder.Length > 0 && builder[^1] == '/') continue;
            builder.Append(c);
        }
        if (builder.Length == 0 || builder[0] != '/') builder.Insert(0, '/');
        if (builder.Length > 1 && builder[^1] == '/') builder.Length--;
        return builder.ToString();
    }
}
