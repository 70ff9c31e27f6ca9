using Streamis.Workflows.Engine.Compilation;
using Streamis.Workflows.Engine.Definitions;
using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Activities;

/// <summary>
/// Activities joined by connections from an outcome to the next activity. Several connections from one outcome
/// fork; a node with several incoming connections runs on each arrival (join "any") or once all have arrived
/// (join "all"). Done when no activity of it is left running.
/// </summary>
[Activity("Control flow", "Flowchart", Description = "Activities joined by outcome connections; forks, joins and loops.", Icon = "git-fork")]
public sealed class Flowchart : Activity
{
    private const string Arrivals = "arrivals";

    [Slot(Description = "The activities of the chart")]
    public IReadOnlyList<Activity> Activities { get; set; } = [];

    [Input(Description = "Id of the activity to start with; by default every activity no connection leads to")]
    public Input<string?> Start { get; set; } = default!;

    internal FlowchartPlan Plan { get; set; } = FlowchartPlan.Empty;

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (Plan.Start.Count == 0) return new(Done());
        foreach (var activity in Plan.Start) context.ScheduleChild(activity);
        return new(Wait());
    }

    protected override ValueTask<ActivityResult> OnChildCompletedAsync(ActivityContext context, ChildCompletion child)
    {
        if (Plan.Outgoing.TryGetValue((child.ActivityId, child.Outcome), out var connections))
            foreach (var connection in connections)
                Arrive(context, connection);
        return new(context.ActiveChildCount == 0 ? Done() : Wait());
    }

    private void Arrive(ActivityContext context, Connection connection)
    {
        var target = Plan.ById[connection.To];
        var join = ((GraphNode)target.CompiledNode!).Join;
        if (join == JoinMode.Any)
        {
            context.ScheduleChild(target);
            return;
        }
        if (!context.Properties.TryGetValue(Arrivals, out var stored) || stored is not Dictionary<string, object?> arrivals)
            context.Properties[Arrivals] = arrivals = [];
        if (arrivals.GetValueOrDefault(target.Id) is not List<object?> arrived)
            arrivals[target.Id] = arrived = [];
        var key = $"{connection.From}:{connection.Outcome}";
        if (!arrived.Contains(key)) arrived.Add(key);
        if (arrived.Count < Plan.Incoming[target.Id]) return;
        arrivals.Remove(target.Id);
        context.ScheduleChild(target);
    }
}
