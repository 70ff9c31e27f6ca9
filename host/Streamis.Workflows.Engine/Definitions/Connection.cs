using System.Text.Json.Nodes;

namespace Streamis.Workflows.Engine.Definitions;

/// <summary>A flowchart edge: when <see cref="From"/> completes with <see cref="Outcome"/>, <see cref="To"/> runs.</summary>
public sealed class Connection
{
    public string From { get; set; } = "";

    public string Outcome { get; set; } = "Done";

    public string To { get; set; } = "";

    /// <summary>Designer data such as bend points.</summary>
    public JsonObject? Metadata { get; set; }
}
