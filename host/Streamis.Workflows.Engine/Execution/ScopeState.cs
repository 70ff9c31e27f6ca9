namespace Streamis.Workflows.Engine.Execution;

/// <summary>The data of one (possibly child) workflow: its input, variables and its activities' outputs.</summary>
public sealed class ScopeState
{
    public int Id { get; set; }

    public string DefinitionId { get; set; } = "";

    public int DefinitionVersion { get; set; }

    public int RootFrameId { get; set; }

    /// <summary>The RunWorkflow frame that started this scope; null for the workflow itself.</summary>
    public int? OwnerFrameId { get; set; }

    public Dictionary<string, object?> Input { get; set; } = [];

    public Dictionary<string, object?> Variables { get; set; } = [];

    /// <summary>Activity id → its outputs (a dictionary), as expressions see them under <c>activities</c>.</summary>
    public Dictionary<string, object?> Activities { get; set; } = [];
}
