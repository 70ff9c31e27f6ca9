using System.Text.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.StreamJobs.Config;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.StreamJobs.Activities;

/// <summary>
/// Deploys a job definition: checks the definition and the configuration completely first (every bad field named,
/// nothing written), then creates the job or its next version and saves the configuration. A definition identical to
/// the latest version adds no version, so a repeated deploy is harmless.
/// </summary>
[Activity(Category.StreamJobs, "Save job version", Description = "Validates, then creates the job or its next version, and saves its configuration.", Icon = "upload")]
public sealed class SaveJobVersion : Activity
{
    [Input(Description = "The project", Required = true)]
    public Input<string> ProjectName { get; set; } = default!;

    [Input(Description = "The job's name in the project", Required = true)]
    public Input<string> JobName { get; set; } = default!;

    [Input(Description = "flink.sql, flink.jar or local", Required = true, Options = [JobTypes.FlinkSql, JobTypes.FlinkJar, JobTypes.Local])]
    public Input<string> JobType { get; set; } = default!;

    [Input(Description = "The job content (sql, main class and jar, or the local job's settings)", Required = true, UIHint = "json")]
    public Input<Dictionary<string, object?>> JobContent { get; set; } = default!;

    [Input(Description = "Tags, comma-separated")]
    public Input<string?> Tags { get; set; } = default!;

    [Input(Description = "What the job does")]
    public Input<string?> Description { get; set; } = default!;

    [Input(Description = "What changed in this version")]
    public Input<string?> Comment { get; set; } = default!;

    [Input(Description = "Configuration as Streamis' nested JSON ({group: {key: value}}); empty keeps the job's", UIHint = "json")]
    public Input<Dictionary<string, object?>?> Config { get; set; } = default!;

    [Input(Description = "Who deploys (creator of a new job)", Required = true)]
    public Input<string> User { get; set; } = default!;

    [Input(Description = "Require the user's edit privilege on the project (off for a host administrator)", Default = true)]
    public Input<bool> CheckPermission { get; set; } = default!;

    [Output(Description = "The job")]
    public Output<long> JobId { get; set; } = default!;

    [Output(Description = "The version now latest")]
    public Output<string> Version { get; set; } = default!;

    [Output(Description = "Whether a new version was made (false when the definition was unchanged)")]
    public Output<bool> Created { get; set; } = default!;

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var ct = context.CancellationToken;
        var meta = JobMeta.Parse(new JsonObject
        {
            ["projectName"] = context.Get(ProjectName),
            ["jobName"] = context.Get(JobName),
            ["jobType"] = context.Get(JobType),
            ["jobContent"] = JsonSerializer.SerializeToNode(context.Get(JobContent)),
            ["tags"] = context.Get(Tags),
            ["description"] = context.Get(Description),
            ["comment"] = context.Get(Comment),
        });
        meta.Validate();
        var config = context.Get(Config) is { } given ? JsonSerializer.SerializeToNode(given)!.AsObject() : null;
        var configService = context.Get<JobConfigService>();
        if (config is not null && await configService.ValidateJsonAsync(config, ct) is { Count: > 0 } errors)
            return Fault("config is invalid: " + string.Join("; ", errors.Select(e => $"{e.Field} {e.Message}")));

        var jobs = context.Get<JobService>();
        var user = context.Get(User);
        var existing = await jobs.FindAsync(meta.ProjectName, meta.JobName, ct);
        var latest = existing is null ? null : await jobs.GetVersionAsync(existing.Id, cancellationToken: ct);
        long jobId;
        string version;
        var created = latest is null || !JsonNode.DeepEquals(latest.JobContent, meta.JobContent) || existing!.JobType != meta.JobType;
        if (created)
        {
            var saved = await jobs.CreateOrUpdateAsync(meta, user, privileged: !context.Get(CheckPermission), ct);
            (jobId, version) = (saved.JobId, saved.Version);
        }
        else
        {
            (jobId, version) = (existing!.Id, latest!.Version);
            if (context.Get(CheckPermission) && !await context.Get<ProjectService>().CanOnJobAsync(user, jobId, ProjectPrivilege.Edit, ct))
                throw new StreamJobsException(ErrorCodes.NoPrivilege, StreamJobsErrorKind.Forbidden, $"{user} has no edit privilege on project {meta.ProjectName}");
        }

        if (config is not null && await configService.SaveJsonAsync(jobId, config, ct) is { Saved: false } refused)
            return Fault("config is invalid: " + string.Join("; ", refused.Errors.Select(e => $"{e.Field} {e.Message}")));
        context.Log(created ? $"Deployed {meta.ProjectName}.{meta.JobName} as version {version}" : $"{meta.ProjectName}.{meta.JobName} is unchanged at version {version}");
        context.Set(JobId, jobId);
        context.Set(Version, version);
        context.Set(Created, created);
        return Done();
    }
}
