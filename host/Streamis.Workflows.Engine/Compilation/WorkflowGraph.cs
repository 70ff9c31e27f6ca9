using Streamis.Workflows.Engine.Definitions;
using Streamis.Workflows.Engine.Expressions;

namespace Streamis.Workflows.Engine.Compilation;

/// <summary>A validated definition with its activities created and bound; shared by every run of that version.</summary>
public sealed class WorkflowGraph
{
    internal WorkflowGraph(WorkflowDefinition definition, GraphNode root, IReadOnlyDictionary<string, GraphNode> nodes,
        IReadOnlyDictionary<string, CompiledExpression> outputExpressions)
    {
        Definition = definition;
        Root = root;
        Nodes = nodes;
        OutputExpressions = outputExpressions;
    }

    public WorkflowDefinition Definition { get; }

    public GraphNode Root { get; }

    public IReadOnlyDictionary<string, GraphNode> Nodes { get; }

    internal IReadOnlyDictionary<string, CompiledExpression> OutputExpressions { get; }
}
