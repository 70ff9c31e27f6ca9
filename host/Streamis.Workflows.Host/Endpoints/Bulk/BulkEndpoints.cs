using Streamis.Workflows.Engine.Runtime;
using Streamis.Workflows.Engine.Validation;
using Streamis.Workflows.Engine.Values;
using Streamis.Workflows.Host.Auth;
using Streamis.Workflows.Host.Errors;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Operations;

namespace Streamis.Workflows.Host.Endpoints.Bulk;

/// <summary>
/// Bulk operations over many jobs, the contract the designer and the command-line client build on: start one, then
/// read its progress and each job's result while it runs.
/// </summary>
public static class BulkEndpoints
{
    public static void MapBulkEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/bulk").WithTags("Bulk");
        group.MapPost("", StartAsync).RequireAuthorization(Policies.Operate);
        group.MapGet("/{instanceId}", GetAsync).RequireAuthorization(Policies.Read);
    }

    /// <summary>
    /// <c>{"operation": "start"|"stop"|"restart", "jobIds": [..] or "taskIds": [..], "snapshot": bool, "parallelism": int?}</c>;
    /// answers 202 with the instance id as soon as the run is recorded.
    /// </summary>
    private static async Task<IResult> StartAsync(HttpRequest request, BulkOperations bulk, OperationsOptions options, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request, ct);
        var operation = body.String("operation", required: true, maxLength: 16);
        var snapshot = body.Bool("snapshot") ?? false;
        var parallelism = body.Int("parallelism", min: 1, max: BulkLimits.MaxParallelism);
        var jobIds = body.Any("jobIds");
        var taskIds = body.Any("taskIds");
        body.ThrowIfInvalid();

        var problems = new List<ValidationProblem>();
        if (!BulkRunService.Operations.Contains(operation!))
            problems.Add(new("$.operation", $"must be one of {string.Join(", ", BulkRunService.Operations)}, not \"{operation}\""));
        var jobs = Ids(jobIds, "jobIds", options.MaxBulkJobs, problems);
        var tasks = Ids(taskIds, "taskIds", options.MaxBulkJobs, problems);
        if (problems.Count == 0 && (jobs.Count > 0) == (tasks.Count > 0))
            problems.Add(new("$", "give jobIds or taskIds: a non-empty list of one of them"));
        if (problems.Count > 0) return ProblemResults.Invalid(problems);

        var subjects = jobs.Count > 0 ? jobs.Select(id => new BulkSubject(id, null)).ToList() : tasks.Select(id => new BulkSubject(null, id)).ToList();
        var instanceId = await bulk.StartAsync(operation!, subjects, snapshot, parallelism, RequestCaller.Of(request.HttpContext.User), ct);
        return Results.Accepted($"/api/bulk/{instanceId}", new BulkStarted(instanceId));
    }

    /// <summary>The run with every job's result; <c>?items=false</c> gives the counts alone, for polling a large run.</summary>
    private static async Task<IResult> GetAsync(string instanceId, HttpRequest request, BulkRunService runs, IInstanceStore instances, CancellationToken ct)
    {
        var withItems = request.Query["items"].ToString() switch
        {
            "" or "true" => true,
            "false" => false,
            _ => (bool?)null,
        };
        if (withItems is null)
            return ProblemResults.Invalid([new("$.items", $"must be true or false, not {PlainValue.Describe(request.Query["items"].ToString())}")]);

        var summary = await instances.GetAsync(instanceId, ct);
        var status = summary?.Status.ToString() ?? "Unknown";
        BulkRunResponse? response = null;
        if (withItems.Value && await runs.GetAsync(instanceId, ct) is { } run)
            response = new BulkRunResponse(run.InstanceId, run.Operation, status, run.Total, run.Done, run.Succeeded, run.Failed,
                run.Items.Select(i => new BulkItemResponse(i.JobId, i.JobName, i.TaskId, i.Status.ToString(), i.Message, i.SavepointPath)).ToList());
        else if (!withItems.Value && await runs.GetProgressAsync(instanceId, ct) is { } progress)
            response = new BulkRunResponse(progress.InstanceId, progress.Operation, status, progress.Total, progress.Done, progress.Succeeded, progress.Failed, null);

        if (response is null)
            return ProblemResults.NotFound(summary is null
                ? $"no workflow instance \"{instanceId}\""
                : $"workflow instance \"{instanceId}\" is not a bulk run (or has not recorded its jobs yet)");
        return Results.Ok(response);
    }

    /// <summary>A list of positive whole numbers at <paramref name="field"/>; absent is an empty list. Problems are added with their path.</summary>
    private static IReadOnlyList<long> Ids(object? value, string field, int max, List<ValidationProblem> problems)
    {
        if (value is null) return [];
        if (value is not List<object?> list)
        {
            problems.Add(new($"$.{field}", "must be an array of ids"));
            return [];
        }
        if (list.Count > max) problems.Add(new($"$.{field}", $"must hold at most {max} ids (Operations:MaxBulkJobs)"));
        var ids = new List<long>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is long id && id > 0) ids.Add(id);
            else problems.Add(new($"$.{field}[{i}]", $"must be a positive whole number, not {PlainValue.Describe(list[i])}"));
        }
        return ids;
    }
}
