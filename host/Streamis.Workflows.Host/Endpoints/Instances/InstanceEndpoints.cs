using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Runtime;
using Streamis.Workflows.Host.Auth;
using Streamis.Workflows.Host.Errors;

namespace Streamis.Workflows.Host.Endpoints.Instances;

/// <summary>Workflow instances: start, list, inspect with journal, cancel, retry, signal.</summary>
public static class InstanceEndpoints
{
    public static void MapInstanceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflows/instances").WithTags("Instances");
        group.MapPost("", StartAsync).RequireAuthorization(Policies.Operate);
        group.MapGet("", ListAsync).RequireAuthorization(Policies.Read);
        group.MapGet("/{instanceId}", GetAsync).RequireAuthorization(Policies.Read);
        group.MapGet("/{instanceId}/journal", JournalAsync).RequireAuthorization(Policies.Read);
        group.MapPost("/{instanceId}/cancel", CancelAsync).RequireAuthorization(Policies.Operate);
        group.MapPost("/{instanceId}/retry", RetryAsync).RequireAuthorization(Policies.Operate);
        group.MapPost("/{instanceId}/bookmarks/{bookmarkId}/resume", ResumeAsync).RequireAuthorization(Policies.Operate);
        app.MapPost("/api/workflows/signals", SignalAsync).WithTags("Instances").RequireAuthorization(Policies.Operate);
    }

    /// <summary>
    /// Starts an instance: answers at once with its id, or with <c>wait: true</c> once it is at rest (completed,
    /// faulted, or suspended) or <c>timeoutSeconds</c> have passed.
    /// </summary>
    private static async Task<IResult> StartAsync(HttpRequest request, WorkflowRuntime runtime, IInstanceStore instances, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request, ct);
        var definitionId = body.String("definitionId", required: true, maxLength: 128);
        var version = body.Int("version", min: 1);
        var input = body.Object("input");
        var correlationId = body.String("correlationId", maxLength: 256);
        var wait = body.Bool("wait") ?? false;
        var timeout = body.Int("timeoutSeconds", min: 1, max: 3600) ?? 30;
        body.ThrowIfInvalid();

        var instanceId = await runtime.StartWorkflowAsync(definitionId!, RequestCaller.WithCaller(input, request.HttpContext.User), correlationId, version, cancellationToken: ct);
        if (!wait) return Results.Accepted($"/api/workflows/instances/{instanceId}", new StartResponse(instanceId, null));
        var summary = await runtime.WaitAsync(instanceId, TimeSpan.FromSeconds(timeout), ct);
        return Results.Ok(new StartResponse(instanceId, await DetailsAsync(instanceId, instances, withJournal: false, ct)));
    }

    private static async Task<IResult> ListAsync(string? definitionId, string? status, string? correlationId, DateTimeOffset? from, DateTimeOffset? to,
        int? page, int? pageSize, IInstanceStore instances, CancellationToken ct)
    {
        WorkflowStatus? parsed = null;
        if (status is not null)
        {
            if (!Enum.TryParse<WorkflowStatus>(status, ignoreCase: true, out var s) || int.TryParse(status, out _))
                return ProblemResults.Invalid("$.status", $"\"{status}\" is not a status: use {string.Join(", ", Enum.GetNames<WorkflowStatus>())}");
            parsed = s;
        }
        if (page is < 1) return ProblemResults.Invalid("$.page", "must be 1 or more");
        if (pageSize is < 1 or > 500) return ProblemResults.Invalid("$.pageSize", "must be between 1 and 500");
        return Results.Ok(await instances.ListAsync(new InstanceQuery(definitionId, parsed, correlationId, from, to, page ?? 1, pageSize ?? 50), ct));
    }

    private static async Task<IResult> GetAsync(string instanceId, IInstanceStore instances, CancellationToken ct) =>
        await DetailsAsync(instanceId, instances, withJournal: true, ct) is { } details
            ? Results.Ok(details)
            : ProblemResults.NotFound($"no workflow instance \"{instanceId}\"");

    private static async Task<IResult> JournalAsync(string instanceId, IInstanceStore instances, CancellationToken ct) =>
        await instances.GetAsync(instanceId, ct) is null
            ? ProblemResults.NotFound($"no workflow instance \"{instanceId}\"")
            : Results.Ok(await instances.GetJournalAsync(instanceId, ct));

    private static async Task<IResult> CancelAsync(string instanceId, WorkflowRuntime runtime, IInstanceStore instances, CancellationToken ct)
    {
        var summary = await instances.GetAsync(instanceId, ct);
        if (summary is null) return ProblemResults.NotFound($"no workflow instance \"{instanceId}\"");
        if (summary.Status is WorkflowStatus.Completed or WorkflowStatus.Cancelled)
            return ProblemResults.Conflict($"instance \"{instanceId}\" is {summary.Status}; it has already ended");
        return await runtime.CancelAsync(instanceId, ct)
            ? Results.Accepted($"/api/workflows/instances/{instanceId}", new { instanceId, cancelRequested = true })
            : ProblemResults.NotFound($"no workflow instance \"{instanceId}\"");
    }

    private static async Task<IResult> RetryAsync(string instanceId, WorkflowRuntime runtime, IInstanceStore instances, CancellationToken ct)
    {
        var summary = await instances.GetAsync(instanceId, ct);
        if (summary is null) return ProblemResults.NotFound($"no workflow instance \"{instanceId}\"");
        if (summary.Status != WorkflowStatus.Faulted) return ProblemResults.Conflict($"instance \"{instanceId}\" is {summary.Status}; only a faulted instance can be retried");
        await runtime.RetryAsync(instanceId, ct);
        return Results.Accepted($"/api/workflows/instances/{instanceId}", new { instanceId, retryRequested = true });
    }

    private static async Task<IResult> ResumeAsync(string instanceId, string bookmarkId, HttpRequest request, WorkflowRuntime runtime, CancellationToken ct)
    {
        object? payload = null;
        if (await JsonBody.ReadOptionalAsync(request, ct) is { } body)
        {
            payload = body.Any("payload");
            body.ThrowIfInvalid();
        }
        var result = await runtime.ResumeBookmarkAsync(instanceId, bookmarkId, payload, ct);
        return result.Resumed == 0
            ? ProblemResults.NotFound($"instance \"{instanceId}\" has no bookmark \"{bookmarkId}\" waiting (already resumed, faulted, or never made)")
            : Results.Accepted($"/api/workflows/instances/{instanceId}", result);
    }

    private static async Task<IResult> SignalAsync(HttpRequest request, WorkflowRuntime runtime, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request, ct);
        var signal = body.String("signal", required: true, maxLength: 512);
        var correlationId = body.String("correlationId", maxLength: 256);
        var instanceId = body.String("instanceId", maxLength: 64);
        var payload = body.Any("payload");
        body.ThrowIfInvalid();
        return Results.Ok(await runtime.SignalAsync(signal!, payload, correlationId, instanceId, ct));
    }

    internal static async Task<InstanceDetails?> DetailsAsync(string instanceId, IInstanceStore instances, bool withJournal, CancellationToken ct)
    {
        var summary = await instances.GetAsync(instanceId, ct);
        if (summary is null) return null;
        var json = await instances.GetStateAsync(instanceId, ct);
        InstanceState? state = null;
        try
        {
            if (json is not null) state = InstanceStateSerializer.Deserialize(json);
        }
        catch (InvalidStateException)
        {
            // A broken state is still shown by its summary and journal; the journal says what is wrong.
        }
        return new InstanceDetails(summary, state?.Input, state?.Output, state?.Incidents ?? [],
            state?.Bookmarks.Select(b => new BookmarkResponse(b.Id, b.Name, b.Key, b.ActivityId, b.ResumeAt)).ToList() ?? [],
            state?.Frames.Values.OrderBy(f => f.Id).Select(f => new ActivityStateResponse(f.Id, f.ParentId, f.ActivityId, f.Status.ToString(), f.Attempt, f.StartedAt, f.Error?.Message)).ToList() ?? [],
            withJournal ? await instances.GetJournalAsync(instanceId, ct) : null);
    }
}
