using System.Text.Json.Nodes;

namespace Streamis.Workflows.Engine.Definitions;

/// <summary>
/// A workflow as data. <see cref="DefinitionReader"/> and <see cref="DefinitionWriter"/> convert it to and from
/// JSON without loss: designer metadata and properties this version does not know are kept verbatim.
/// </summary>
public sealed class WorkflowDefinition
{
    public string Id { get; set; } = "";

    public int Version { get; set; } = 1;

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public List<WorkflowInputDefinition> Inputs { get; set; } = [];

    public List<VariableDefinition> Variables { get; set; } = [];

    public List<WorkflowOutputDefinition> Outputs { get; set; } = [];

    public DefinitionOptions Options { get; set; } = new();

    public ActivityNode? Root { get; set; }

    public JsonObject? Metadata { get; set; }

    public Dictionary<string, JsonNode?> Extra { get; set; } = [];
}
