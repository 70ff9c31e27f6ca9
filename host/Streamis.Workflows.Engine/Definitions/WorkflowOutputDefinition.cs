namespace Streamis.Workflows.Engine.Definitions;

/// <summary>
/// A result of the workflow. <see cref="Value"/> is a Scriban expression evaluated when the workflow completes;
/// without one, the variable of the same name is the output.
/// </summary>
public sealed class WorkflowOutputDefinition
{
    public string Name { get; set; } = "";

    public string Type { get; set; } = "any";

    public string? Value { get; set; }

    public string? Description { get; set; }
}
