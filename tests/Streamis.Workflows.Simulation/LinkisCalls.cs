namespace Streamis.Workflows.Simulation;

/// <summary>The names the simulation records calls under and injects faults by: a Manager call, an operation, or an endpoint.</summary>
public static class LinkisCalls
{
    public const string Any = "*";
    public const string CreateEngineConn = "createEngineConn";
    public const string GetEngineConn = "getEngineConn";
    public const string KillEngineConn = "killEngineConn";

    /// <summary>Operations are named by their operator (<c>__operator_name__</c>), on the EngineConn or on its manager.</summary>
    public const string YarnApplication = "engineConnYarnApplication";
    public const string Savepoint = "doSavepoint";
    public const string EngineConnLog = "engineConnLog";
    public const string EngineConnYarnLog = "engineConnYarnLog";

    public const string BmlUpload = "bml/upload";
    public const string BmlDownload = "bml/downloadShareResource";
    public const string DirFileTrees = "getDirFileTrees";
    public const string UserInfo = "user/userInfo";
    public const string Login = "user/login";

    /// <summary>DSS' project list of a workspace, through the same gateway.</summary>
    public const string DssProjects = "dss/framework/project/getAllProjects";

    public const string YarnAppReport = "yarn/app";
    public const string YarnAppAttempts = "yarn/appattempts";
    public const string YarnContainerLog = "yarn/containerlog";
}
