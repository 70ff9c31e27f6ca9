namespace Streamis.Workflows.Engine.Definitions;

/// <summary>The children in one slot: a single node (<see cref="Multiple"/> false) or a list.</summary>
public sealed record SlotValue(bool Multiple, List<ActivityNode> Nodes);
