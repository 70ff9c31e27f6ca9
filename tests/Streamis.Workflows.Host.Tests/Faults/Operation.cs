namespace Streamis.Workflows.Host.Tests.Faults;

/// <summary>The host operations the table drives through HTTP, each making some of the outbound calls.</summary>
public static class Operation
{
    /// <summary>Streamis execute: state search, BML upload, createEngineConn, getEngineConn polls, engineConnYarnApplication.</summary>
    public const string Start = "start";

    /// <summary>Streamis execute of a job whose Flink SQL is a BML resource: bml/downloadShareResource first.</summary>
    public const string StartFromBml = "start-bml";

    /// <summary>Streamis stop: killEngineConn.</summary>
    public const string Stop = "stop";

    /// <summary>Streamis stop with snapshot: doSavepoint, then killEngineConn.</summary>
    public const string SnapshotAndStop = "snapshot-and-stop";

    /// <summary>Streamis snapshot: doSavepoint (trigger).</summary>
    public const string Snapshot = "snapshot";

    /// <summary>The recover-from-savepoint workflow: getDirFileTrees to check the savepoint, then a start.</summary>
    public const string Recover = "recover";

    /// <summary>One monitor tick: getEngineConn, and the ResourceManager's report when Linkis says Failed.</summary>
    public const string Monitor = "monitor";

    /// <summary>A monitor tick on a task whose EngineConn Linkis calls Failed: the ResourceManager is asked too.</summary>
    public const string MonitorFailed = "monitor-failed";

    /// <summary>Streamis logs, client: the ECM's engineConnLog.</summary>
    public const string ClientLog = "client-log";

    /// <summary>Streamis logs, yarn: the ResourceManager's attempts and the NodeManager's container log.</summary>
    public const string YarnLog = "yarn-log";

    /// <summary>A bulk start of two jobs through /api/bulk.</summary>
    public const string BulkStart = "bulk-start";

    /// <summary>A request signed in only by a Linkis session cookie: the gateway's /user/userInfo.</summary>
    public const string Session = "session";

    /// <summary>A DSS hand-off (dssurl, cookies with the Linkis ticket): the dss plugin asks the gateway's /user/userInfo.</summary>
    public const string DssSignIn = "dss-sign-in";

    /// <summary>The dss-project-sync workflow: DSS' getAllProjects for the configured workspace.</summary>
    public const string DssProjectSync = "dss-project-sync";
}
