using System.Security.Claims;
using System.Text.Json.Nodes;
using Streamis.Workflows.Host.StreamisRest;
using Streamis.Workflows.Sdk.HostServices;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.Host.PluginServices;

/// <summary>
/// A DSS publication as Streamis' <c>ImportJobManagerRequest</c> handler stores it: a <c>flink.sql</c> job version
/// whose jobContent is the SQL with the DSS workflow's id and name, commented "Published from DSS with &lt;version&gt;".
/// </summary>
public sealed class StreamJobPublisher(JobService jobs) : IStreamJobPublisher
{
    public Task<PublishedJobVersion> PublishFlinkSqlAsync(FlinkSqlPublication publication, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var callerName = StreamisPrivileges.UserName(caller);
        var admin = StreamisPrivileges.IsHostAdmin(caller);
        var user = string.IsNullOrWhiteSpace(publication.PublishUser) ? callerName : publication.PublishUser.Trim();
        if (user != callerName && !admin)
            throw new HostRefusalException(RefusalKind.Forbidden,
                $"publishUser \"{user}\" is not the caller \"{callerName}\": only a host admin may publish for another user", ErrorCodes.NoPrivilege);
        var content = new JsonObject { ["type"] = "sql", ["sql"] = publication.ExecutionCode };
        if (publication.WorkflowId is { } workflowId) content["workflowId"] = workflowId;
        if (publication.WorkflowName is { } workflowName) content["workflowName"] = workflowName;
        var comment = publication.Version is { Length: > 0 } version ? $"Published from DSS with {version}" : "Published from DSS";
        var tags = publication.Tags is { Count: > 0 } list ? string.Join(',', list) : null;
        var meta = new JobMeta(publication.ProjectName, publication.StreamJobName, JobTypes.FlinkSql, content, tags, publication.Description, comment, publication.WorkspaceName);
        // A host admin is a trusted gateway acting for the publishing user; anyone else needs edit on the project.
        return HostRefusals.TranslateAsync(async () =>
        {
            var saved = await jobs.CreateOrUpdateAsync(meta, user, privileged: admin, cancellationToken);
            return new PublishedJobVersion(saved.JobId, saved.Version, saved.Created);
        });
    }
}
