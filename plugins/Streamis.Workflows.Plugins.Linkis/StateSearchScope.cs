namespace Streamis.Workflows.Plugins.Linkis;

/// <summary>Where the newest checkpoint or savepoint of a job is looked for.</summary>
public enum StateSearchScope
{
    /// <summary>The state folders of every task of the job.</summary>
    Job,

    /// <summary>The state folders of the task the handle names (Streamis 0.2.0).</summary>
    Task,
}
