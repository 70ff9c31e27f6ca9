namespace Streamis.Workflows.Plugins.Dss;

/// <summary><c>Plugins:dss:ProjectSync</c>: how often the <c>dss-project-sync</c> workflow runs, over which DSS workspaces.</summary>
public sealed class ProjectSyncOptions
{
    /// <summary>Zero (the default) leaves the schedule off; the workflow can still be started by hand.</summary>
    public TimeSpan Interval { get; set; }

    public List<long> WorkspaceIds { get; set; } = [];
}
