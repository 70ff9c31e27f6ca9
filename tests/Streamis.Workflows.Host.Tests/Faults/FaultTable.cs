using Streamis.Workflows.Simulation;

namespace Streamis.Workflows.Host.Tests.Faults;

/// <summary>
/// Every outbound call the host makes to Linkis and YARN, by the operation that makes it, and what a user must see when
/// that call meets each kind of fault. The calls are those of the linkis and yarn plugins (see their READMEs).
/// </summary>
public static class FaultTable
{
    /// <summary>Calls whose repetition has an effect (a second job, a second savepoint): the client never repeats them.</summary>
    private static readonly HashSet<string> OnceOnly = [LinkisCalls.CreateEngineConn, LinkisCalls.Savepoint];

    private static readonly (string Operation, string Call)[] Calls =
    [
        (Operation.Start, LinkisCalls.DirFileTrees),
        (Operation.Start, LinkisCalls.BmlUpload),
        (Operation.Start, LinkisCalls.CreateEngineConn),
        (Operation.Start, LinkisCalls.GetEngineConn),
        (Operation.Start, LinkisCalls.YarnApplication),
        (Operation.StartFromBml, LinkisCalls.BmlDownload),
        (Operation.Stop, LinkisCalls.KillEngineConn),
        (Operation.SnapshotAndStop, LinkisCalls.Savepoint),
        (Operation.SnapshotAndStop, LinkisCalls.KillEngineConn),
        (Operation.Snapshot, LinkisCalls.Savepoint),
        (Operation.Recover, LinkisCalls.DirFileTrees),
        (Operation.Monitor, LinkisCalls.GetEngineConn),
        (Operation.MonitorFailed, LinkisCalls.YarnAppReport),
        (Operation.ClientLog, LinkisCalls.EngineConnLog),
        (Operation.YarnLog, LinkisCalls.YarnAppAttempts),
        (Operation.YarnLog, LinkisCalls.YarnContainerLog),
        (Operation.BulkStart, LinkisCalls.CreateEngineConn),
        (Operation.Session, LinkisCalls.UserInfo),
        (Operation.DssSignIn, LinkisCalls.UserInfo),
        (Operation.DssProjectSync, LinkisCalls.DssProjects),
    ];

    public static TheoryData<FaultCase> Of(FaultKind kind)
    {
        var data = new TheoryData<FaultCase>();
        foreach (var (operation, call) in Calls)
        {
            if (Expect(operation, call, kind) is { } expected) data.Add(new FaultCase(operation, call, kind, expected));
        }
        return data;
    }

    /// <summary>What must follow; null where the fault cannot happen to that call (YARN gives no Linkis refusal, only EngineConn calls can find it gone).</summary>
    private static Expected? Expect(string operation, string call, FaultKind kind)
    {
        var yarn = call.StartsWith("yarn/", StringComparison.Ordinal);
        if (kind == FaultKind.Refusal && yarn) return null;
        // A raw download cut short without a transport error looks whole; HTTP's own length check is what catches it.
        if (kind == FaultKind.MalformedBody && call == LinkisCalls.BmlDownload) return null;
        if (kind == FaultKind.Vanished) return Vanished(operation, call);
        // A plain-text log cut short is still a log; a kill whose answer was lost is found done when it is retried.
        if (kind == FaultKind.MalformedBody && (call == LinkisCalls.YarnContainerLog || (operation, call) == (Operation.SnapshotAndStop, LinkisCalls.KillEngineConn)))
            return Expected.Completes;
        var transient = kind is FaultKind.ServerErrorOnce or FaultKind.TimeoutOnce or FaultKind.Slow;
        if (transient && (kind == FaultKind.Slow || !OnceOnly.Contains(call))) return Expected.Completes;
        return operation switch
        {
            // Its YARN application is a nicety of the start: the status reads ask again later.
            Operation.Start when call == LinkisCalls.YarnApplication => Expected.Completes,
            Operation.Monitor => Expected.AlertsAndKeepsRunning,
            // YARN's word is a second opinion: without it, Linkis' Failed stands.
            Operation.MonitorFailed => Expected.Completes,
            Operation.ClientLog or Operation.YarnLog => Expected.Placeholder,
            Operation.Session => Expected.NotSignedIn,
            // The gateway's own "not logged in" is an answer; a gateway that cannot answer is not.
            Operation.DssSignIn => kind == FaultKind.Refusal ? Expected.NotSignedIn : Expected.Unavailable,
            Operation.DssProjectSync when kind is FaultKind.ServerError or FaultKind.Timeout => Expected.RetriesLater,
            _ => Expected.FailsNamingCall,
        };
    }

    private static Expected? Vanished(string operation, string call) => (operation, call) switch
    {
        (Operation.Start, LinkisCalls.GetEngineConn) => Expected.FailsNamingCall,
        // A job that has already ended is stopped: nothing to kill, no savepoint to take.
        (Operation.Stop or Operation.SnapshotAndStop, _) => Expected.Completes,
        (Operation.Snapshot, LinkisCalls.Savepoint) => Expected.FailsNamingCall,
        (Operation.Monitor, LinkisCalls.GetEngineConn) => Expected.Completes,
        _ => null,
    };
}
