using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Linkis.Gateway;

/// <summary>
/// What is stored about a once-mode EngineConn (Streamis' <c>linkis_job_id</c> and <c>linkis_job_info</c>), as the
/// properties of a <see cref="JobHandle"/> whose id is the once-job id. A handle that has only the id is still usable
/// for status and stop: the ticket and the EngineConn are read back from it.
/// </summary>
internal sealed record LinkisHandle(
    string TicketId,
    ServiceInstance EngineConn,
    ServiceInstance? Manager,
    string User,
    string? ApplicationId = null,
    string? ApplicationUrl = null,
    string? LaunchName = null,
    string? SavepointDirectory = null,
    string? CheckpointDirectory = null)
{
    public const string Engine = "linkis-flink";

    public const string TicketIdKey = "ticketId";
    public const string EngineConnApplicationKey = "engineConnApplication";
    public const string EngineConnInstanceKey = "engineConnInstance";
    public const string ManagerApplicationKey = "ecmApplication";
    public const string ManagerInstanceKey = "ecmInstance";
    public const string UserKey = "user";
    public const string ApplicationIdKey = "applicationId";
    public const string ApplicationUrlKey = "applicationUrl";
    public const string LaunchNameKey = "launchName";
    public const string SavepointDirectoryKey = "savepointDirectory";
    public const string CheckpointDirectoryKey = "checkpointDirectory";

    public string OnceJobId => Gateway.OnceJobId.Format(TicketId, EngineConn);

    public JobHandle ToJobHandle()
    {
        var properties = new Dictionary<string, string>
        {
            [TicketIdKey] = TicketId,
            [EngineConnApplicationKey] = EngineConn.ApplicationName,
            [EngineConnInstanceKey] = EngineConn.Instance,
            [UserKey] = User,
        };
        if (Manager is not null)
        {
            properties[ManagerApplicationKey] = Manager.ApplicationName;
            properties[ManagerInstanceKey] = Manager.Instance;
        }
        Put(properties, ApplicationIdKey, ApplicationId);
        Put(properties, ApplicationUrlKey, ApplicationUrl);
        Put(properties, LaunchNameKey, LaunchName);
        Put(properties, SavepointDirectoryKey, SavepointDirectory);
        Put(properties, CheckpointDirectoryKey, CheckpointDirectory);
        return new JobHandle(Engine, OnceJobId, properties);
    }

    /// <summary>Reads a stored handle back; a wrong one is refused naming what is missing.</summary>
    public static LinkisHandle FromJobHandle(JobHandle handle, string? fallbackUser = null)
    {
        ArgumentNullException.ThrowIfNull(handle);
        if (!string.Equals(handle.Engine, Engine, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"The handle belongs to engine '{handle.Engine}', not '{Engine}'.", nameof(handle));
        string ticketId;
        ServiceInstance engineConn;
        if (handle.Get(TicketIdKey) is { Length: > 0 } ticket && handle.Get(EngineConnInstanceKey) is { Length: > 0 } instance)
        {
            ticketId = ticket;
            engineConn = new ServiceInstance(handle.Get(EngineConnApplicationKey) ?? ServiceInstance.EngineConnApplication, instance);
        }
        else if (!Gateway.OnceJobId.TryParse(handle.Id, out ticketId, out engineConn))
        {
            throw new ArgumentException($"The handle id '{handle.Id}' is not a Linkis once-job id (<len(ticketId)>_<len(appName)>_<ticketId><appName><instance>).", nameof(handle));
        }
        var user = handle.Get(UserKey) is { Length: > 0 } owner ? owner : fallbackUser
            ?? throw new ArgumentException($"The handle of once-job {handle.Id} does not say which user launched it (property '{UserKey}').", nameof(handle));
        var manager = handle.Get(ManagerInstanceKey) is { Length: > 0 } managerInstance
            ? new ServiceInstance(handle.Get(ManagerApplicationKey) ?? ServiceInstance.EngineConnManagerApplication, managerInstance)
            : null;
        return new LinkisHandle(ticketId, engineConn, manager, user, handle.Get(ApplicationIdKey), handle.Get(ApplicationUrlKey),
            handle.Get(LaunchNameKey), handle.Get(SavepointDirectoryKey), handle.Get(CheckpointDirectoryKey));
    }

    /// <summary>The EngineConn's manager, which serves its logs; a handle stored without it cannot read them.</summary>
    public ServiceInstance RequireManager(string forWhat) => Manager
        ?? throw new InvalidOperationException($"The handle of once-job {OnceJobId} does not name the EngineConn's manager (ECM), which {forWhat} needs.");

    private static void Put(Dictionary<string, string> properties, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value)) properties[key] = value;
    }
}
