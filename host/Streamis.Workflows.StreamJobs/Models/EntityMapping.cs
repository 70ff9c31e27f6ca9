using System.Text.Json.Nodes;
using System.Text.Json;
using Streamis.Workflows.Persistence.Stores;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Entities;
using Streamis.Workflows.StreamJobs.ProjectFiles;

namespace Streamis.Workflows.StreamJobs.Models;

internal static class EntityMapping
{
    public static Project ToModel(this ProjectEntity e) =>
        new(e.Id, e.Name, e.WorkspaceId, e.CreateBy, UnixTime.At(e.CreateTime), e.LastUpdateBy, UnixTime.At(e.LastUpdateTime), e.IsDeleted);

    public static StreamJob ToModel(this JobEntity e) =>
        new(e.Id, e.ProjectName, e.Name, e.JobType, e.EngineName, e.Label, e.Description, e.CreateBy, UnixTime.At(e.CreateTime), e.SubmitUser, e.WorkspaceName);

    public static StreamJobVersion ToModel(this JobVersionEntity e) =>
        new(e.Id, e.JobId, e.Version, JsonNode.Parse(e.JobContent)!.AsObject(), e.Source, e.Comment, e.CreateBy, UnixTime.At(e.CreateTime));

    public static JobVersionFile ToModel(this JobVersionFileEntity e) =>
        new(e.Id, e.JobId, e.JobVersionId, e.FileName, e.Version, e.StorePath, e.Size);

    public static ProjectFile ToModel(this ProjectFileEntity e) =>
        new(e.Id, e.ProjectName, e.FileName, e.Version, e.StorePath, e.StoreType, e.Size, e.Comment, e.CreateBy, UnixTime.At(e.CreateTime), UnixTime.At(e.UpdateTime));

    public static StreamTask ToModel(this TaskEntity e) =>
        new(e.Id, e.JobId, e.JobVersionId, e.Version, (StreamTaskStatus)e.Status, UnixTime.At(e.StartTime), UnixTime.At(e.LastUpdateTime),
            e.ErrDesc, e.SubmitUser, e.EngineName, e.EngineJobId is null ? null
                : new JobHandle(e.EngineName, e.EngineJobId, e.EngineInfo is null ? new Dictionary<string, string>()
                    : JsonSerializer.Deserialize<Dictionary<string, string>>(e.EngineInfo) ?? []))
        {
            // Engine information without an engine job id is the mark TaskService.MarkLaunchingAsync leaves.
            LaunchUnresolved = e.EngineJobId is null && e.EngineInfo is not null,
        };

    public static RecordedJobState ToModel(this JobStateEntity e) =>
        new(e.Id, e.JobId, e.TaskId, new JobState(Enum.Parse<JobStateKind>(e.Kind, ignoreCase: true), e.Location, UnixTime.At(e.Timestamp)));

    public static AlertRecord ToModel(this AlertRecordEntity e) =>
        new(e.Id, Enum.Parse<AlertLevel>(e.AlertLevel, ignoreCase: true), e.AlertUser, e.AlertMsg, e.JobId, e.JobVersionId, e.TaskId,
            UnixTime.At(e.CreateTime), e.Status, e.ErrorMsg);
}
