using Streamis.Workflows.Engine.Definitions;
using Streamis.Workflows.Engine.Registry;
using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Compilation;

/// <summary>An activity of a compiled graph with what the interpreter needs about it.</summary>
public sealed class GraphNode(ActivityNode node, ActivityType type, Activity activity, GraphNode? parent)
{
    public ActivityNode Node { get; } = node;

    public ActivityType Type { get; } = type;

    public Activity Activity { get; } = activity;

    public GraphNode? Parent { get; } = parent;

    public RetryPolicy? Retry => Node.Retry;

    public JoinMode Join => Node.Join ?? JoinMode.Any;

    /// <summary>Bound outputs, so an output set by the activity also lands in its variable.</summary>
    internal IReadOnlyList<Output> Outputs { get; set; } = [];
}
