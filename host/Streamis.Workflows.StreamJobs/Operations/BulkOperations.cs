using Streamis.Workflows.Engine.Running;
using Streamis.Workflows.Sdk.HostServices;
using Streamis.Workflows.StreamJobs.Models;

namespace Streamis.Workflows.StreamJobs.Operations;

/// <summary>
/// Starts a bulk operation for an API caller: its items are recorded before its workflow (bulk-start, bulk-stop or
/// bulk-restart) starts, so the caller can read the run's progress from the moment it has the instance id.
/// </summary>
public sealed class BulkOperations(BulkRunService runs, IWorkflowStarter starter)
{
    /// <summary>Starts the operation over jobs or tasks (one kind) and returns the instance id of its workflow.</summary>
    public async Task<string> StartAsync(string operation, IReadOnlyList<BulkSubject> subjects, bool snapshot, int? parallelism, WorkflowCaller caller,
        CancellationToken cancellationToken)
    {
        var instanceId = InstanceIds.New();
        await runs.CreateAsync(instanceId, operation, subjects, cancellationToken);
        var taskMode = subjects.Count > 0 && subjects[0].TaskId is not null;
        var ids = subjects.Select(s => (object?)(taskMode ? s.TaskId : s.JobId)).ToList();
        var input = new Dictionary<string, object?>
        {
            [taskMode ? "taskIds" : "jobIds"] = ids,
            ["parallelism"] = parallelism,
            ["user"] = caller.User,
            ["checkPermission"] = false,
            [WorkflowCaller.InputName] = caller.ToInput(),
        };
        if (operation != "start") input["snapshot"] = snapshot;
        await starter.StartAsync("bulk-" + operation, input, instanceId, null, cancellationToken);
        return instanceId;
    }
}
