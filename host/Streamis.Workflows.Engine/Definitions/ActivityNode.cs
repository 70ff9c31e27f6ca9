using System.Text.Json.Nodes;

namespace Streamis.Workflows.Engine.Definitions;

/// <summary>One activity in a definition, with its input bindings and, for composites, its children.</summary>
public sealed class ActivityNode
{
    public string Id { get; set; } = "";

    public string Type { get; set; } = "";

    public string? DisplayName { get; set; }

    public string? Description { get; set; }

    /// <summary>Input values by input name (camelCase, as in the descriptor).</summary>
    public Dictionary<string, InputValue> Inputs { get; set; } = [];

    /// <summary>Output name → workflow variable that also receives the value.</summary>
    public Dictionary<string, string> Outputs { get; set; } = [];

    public RetryPolicy? Retry { get; set; }

    /// <summary>In a flowchart: how a node with several incoming connections starts.</summary>
    public JoinMode? Join { get; set; }

    /// <summary>Children by slot name (e.g. <c>activities</c>, <c>then</c>, <c>body</c>).</summary>
    public Dictionary<string, SlotValue> Slots { get; set; } = [];

    /// <summary>Flowchart connections between the children of this node.</summary>
    public List<Connection>? Connections { get; set; }

    public JsonObject? Metadata { get; set; }

    public Dictionary<string, JsonNode?> Extra { get; set; } = [];

    /// <summary>Where this node sits in the definition JSON (e.g. <c>$.root.activities[2]</c>); not serialised.</summary>
    public string Path { get; set; } = "$.root";

    public IEnumerable<ActivityNode> Children => Slots.Values.SelectMany(s => s.Nodes);
}
