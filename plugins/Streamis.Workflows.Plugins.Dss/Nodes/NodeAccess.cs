using Streamis.Workflows.Plugins.Dss.Http;
using Streamis.Workflows.Plugins.Dss.Projects;
using Streamis.Workflows.Sdk.HostServices;

namespace Streamis.Workflows.Plugins.Dss.Nodes;

/// <summary>
/// Who may touch a node and its runs: Streamis' matrix applied to the node's project — edit to change a node or to
/// run or kill it, access to read it and its runs. A host admin holds every rank.
/// </summary>
public sealed class NodeAccess(IProjectDirectory projects, NodeRefStore store)
{
    internal async Task RequireAsync(Caller caller, long projectId, ProjectRank rank, CancellationToken ct)
    {
        var project = await ProjectContractEndpoints.LiveProjectAsync(projects, projectId, ct);
        if (!await projects.HasPrivilegeAsync(caller.Principal, projectId, rank, ct))
            throw new HostRefusalException(RefusalKind.Forbidden,
                $"{caller.Name} has no {rank.ToString().ToLowerInvariant()} privilege on project {project.Name}", StreamisCodes.NoPrivilege);
    }

    /// <summary>The ref a <c>refJobContent</c> names, checked for <paramref name="rank"/>.</summary>
    internal async Task<NodeRef> RefAsync(JsonRequest body, Caller caller, ProjectRank rank, CancellationToken ct)
    {
        var content = body.Map("refJobContent", required: true);
        body.ThrowIfInvalid();
        var node = await FindAsync(RefIdOf(content!), ct);
        await RequireAsync(caller, node.ProjectId, rank, ct);
        return node;
    }

    internal async Task<NodeRef> FindAsync(string refId, CancellationToken ct) =>
        await store.FindAsync(refId, ct) ?? throw new HostRefusalException(RefusalKind.NotFound, $"node ref {refId} does not exist");

    internal static string RefIdOf(System.Text.Json.Nodes.JsonObject content) =>
        content["refId"]?.ToString().Trim() is { Length: > 0 } refId
            ? NodeRefStore.IsId(refId) ? refId : throw new ContractRequestException($"refJobContent.refId \"{refId}\" is not a node ref id (32 hex digits)")
            : throw new ContractRequestException("refJobContent.refId cannot be empty!");
}
