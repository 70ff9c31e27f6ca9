using System.Text.Json.Nodes;
using Streamis.Workflows.Plugins.Dss.Http;
using Streamis.Workflows.Sdk.HostServices;

namespace Streamis.Workflows.Plugins.Dss.Nodes;

/// <summary>A node's workflow must exist, and its input values must be inputs the workflow declares.</summary>
internal static class NodeWorkflow
{
    public static async Task<PublishedWorkflow> CheckAsync(IWorkflowCatalog catalog, string definitionId, int? version, JsonObject inputs, string field,
        CancellationToken ct)
    {
        var workflow = await catalog.FindAsync(definitionId, version, ct)
            ?? throw new HostRefusalException(RefusalKind.NotFound, version is null
                ? $"there is no published workflow \"{definitionId}\""
                : $"workflow \"{definitionId}\" has no version {version}");
        var unknown = inputs.Select(i => i.Key).Where(name => name == WorkflowCaller.InputName || workflow.Inputs.All(d => d.Name != name)).ToList();
        if (unknown.Count > 0)
        {
            var declared = workflow.Inputs.Count == 0 ? "it takes none" : "it takes " + string.Join(", ", workflow.Inputs.Select(i => i.Name));
            throw new ContractRequestException($"{field}: workflow \"{definitionId}\" has no input {string.Join(", ", unknown.Select(u => $"\"{u}\""))} ({declared})");
        }
        return workflow;
    }
}
