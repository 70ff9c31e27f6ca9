using Streamis.Workflows.Engine.Definitions;
using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Compilation;

/// <summary>A flowchart's connections, indexed for the interpreter.</summary>
internal sealed class FlowchartPlan(
    IReadOnlyList<Activity> start,
    IReadOnlyDictionary<string, Activity> byId,
    IReadOnlyDictionary<(string From, string Outcome), List<Connection>> outgoing,
    IReadOnlyDictionary<string, int> incoming)
{
    public IReadOnlyList<Activity> Start { get; } = start;

    public IReadOnlyDictionary<string, Activity> ById { get; } = byId;

    public IReadOnlyDictionary<(string From, string Outcome), List<Connection>> Outgoing { get; } = outgoing;

    /// <summary>How many connections lead into each activity.</summary>
    public IReadOnlyDictionary<string, int> Incoming { get; } = incoming;

    public static FlowchartPlan Empty { get; } = new([], new Dictionary<string, Activity>(), new Dictionary<(string, string), List<Connection>>(), new Dictionary<string, int>());
}
