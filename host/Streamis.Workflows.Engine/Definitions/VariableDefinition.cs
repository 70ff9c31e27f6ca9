using System.Text.Json.Nodes;

namespace Streamis.Workflows.Engine.Definitions;

public sealed class VariableDefinition
{
    public string Name { get; set; } = "";

    public string Type { get; set; } = "any";

    public JsonNode? Default { get; set; }

    public string? Description { get; set; }
}
