using System.Text.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Config;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Services;
using Streamis.Workflows.StreamJobs.Upload;

namespace Streamis.Workflows.StreamJobs.Operations;

/// <summary>What a connector is handed about a job: a launch request for a task, or a query for the job's states.</summary>
public sealed class EngineRequests(JobService jobs, JobConfigService config, JobFileStore files, JobFileResolver resolver)
{
    /// <summary>
    /// The launch of <paramref name="task"/>: its version's content and files (with the project resource files the content
    /// names), the job's configuration flattened to leaf keys, and the state to restore. The submit user is the job's, as Streamis sends it, whoever clicked.
    /// </summary>
    public async Task<JobLaunchRequest> LaunchAsync(StreamTask task, string? restoreFrom, string executionId, CancellationToken cancellationToken)
    {
        var job = await jobs.FindAsync(task.JobId, cancellationToken) ?? throw StreamJobsException.JobNotFound(task.JobId);
        var version = await jobs.GetVersionAsync(task.JobId, task.Version, cancellationToken)
            ?? throw new StreamJobsException(ErrorCodes.JobConflict, StreamJobsErrorKind.Conflict, $"StreamJob [{task.JobId}] has no version {task.Version}");
        var versionFiles = await jobs.ListFilesAsync(version.Id, cancellationToken);
        var resources = versionFiles.Select(f => new JobResourceFile(f.FileName, f.Version, files.FullPath(f.StorePath))).ToList();
        // Under the name the content uses, so a connector finds a project file exactly as it finds one of the version's.
        foreach (var (reference, file) in await resolver.ResolveProjectFilesAsync(
            job.ProjectName, job.JobType, version.JobContent, versionFiles.Select(f => f.FileName).ToList(), cancellationToken))
            resources.Add(new JobResourceFile(reference.Name, file.Version, files.FullPath(file.StorePath)));
        return new JobLaunchRequest(job.Id, task.Id, job.ProjectName, job.Name, job.JobType, version.Version, job.SubmitUser,
            version.JobContent.ToJsonString(), await ConfigurationAsync(job.Id, cancellationToken), resources,
            string.IsNullOrWhiteSpace(restoreFrom) ? null : restoreFrom.Trim(), executionId);
    }

    /// <summary>A query for the job's states; <paramref name="handle"/> narrows it to one execution where the engine can.</summary>
    public async Task<JobStateQuery> StateQueryAsync(StreamJob job, JobHandle? handle, CancellationToken cancellationToken) =>
        new(job.Id, job.ProjectName, job.Name, job.SubmitUser, await ConfigurationAsync(job.Id, cancellationToken), handle);

    /// <summary>The nested configuration (defaults filled in) as one level of leaf keys; keys are unique across groups.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ConfigurationAsync(long jobId, CancellationToken cancellationToken)
    {
        var flat = new Dictionary<string, string>(StringComparer.Ordinal);
        Flatten(await config.GetJsonAsync(jobId, cancellationToken), flat);
        return flat;
    }

    private static void Flatten(JsonObject group, Dictionary<string, string> into)
    {
        foreach (var (key, node) in group)
        {
            switch (node)
            {
                case JsonObject child:
                    Flatten(child, into);
                    break;
                case JsonValue value:
                    into[key] = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
                    break;
            }
        }
    }
}
