namespace Streamis.Workflows.Engine.Definitions;

public enum JoinMode
{
    /// <summary>Every arriving connection starts the node (merges after a decision, loops).</summary>
    Any,

    /// <summary>The node starts once every incoming connection has arrived (a join after a fork).</summary>
    All,
}
