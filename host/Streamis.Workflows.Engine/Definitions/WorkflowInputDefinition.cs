using System.Text.Json.Nodes;

namespace Streamis.Workflows.Engine.Definitions;

/// <summary>An input the workflow accepts when started. <see cref="Type"/> is one of ValueTypeNames.</summary>
public sealed class WorkflowInputDefinition
{
    public string Name { get; set; } = "";

    public string Type { get; set; } = "any";

    public bool Required { get; set; }

    public JsonNode? Default { get; set; }

    public string? Description { get; set; }

    public string? DisplayName { get; set; }

    public string? UIHint { get; set; }

    public List<string>? Options { get; set; }
}
