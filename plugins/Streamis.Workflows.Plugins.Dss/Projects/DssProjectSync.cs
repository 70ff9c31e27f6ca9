using Streamis.Workflows.Plugins.Dss.Gateway;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Dss.Projects;

/// <summary>The projects of the configured DSS workspaces, with their members, as DSS lists them now.</summary>
public sealed class DssProjectSync(DssGatewayClient gateway, DssOptions options) : IProjectSync
{
    public async Task<IReadOnlyList<SyncedProject>> ListProjectsAsync(CancellationToken cancellationToken)
    {
        var projects = new List<SyncedProject>();
        foreach (var workspaceId in options.ProjectSync.WorkspaceIds.Distinct())
            projects.AddRange(await gateway.ListProjectsAsync(workspaceId, cancellationToken));
        return projects;
    }
}
