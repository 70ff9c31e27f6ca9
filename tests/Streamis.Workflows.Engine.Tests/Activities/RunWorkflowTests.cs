using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Running;
using Streamis.Workflows.Engine.Tests.Support;

namespace Streamis.Workflows.Engine.Tests.Activities;

public class RunWorkflowTests
{
    private const string Parent = """
        {
          "id": "parent",
          "inputs": [{"name": "n", "type": "integer"}],
          "outputs": [{"name": "fromChild", "value": "{{ activities.call.output.doubled }}"}],
          "root": {"id": "seq", "type": "Sequence", "activities": [
            {"id": "call", "type": "RunWorkflow", "inputs": {"definitionId": "child", "input": {"expression": "{{ { n: input.n } }}"}}},
            {"id": "after", "type": "Echo", "inputs": {"value": {"expression": "{{ activities.call.output.doubled }}"}}}
          ]}
        }
        """;

    private const string Countdown = """
        {
          "id": "countdown",
          "inputs": [{"name": "n", "type": "integer", "required": true}],
          "outputs": [{"name": "depth", "type": "integer", "value": "{{ if input.n == 0 }}0{{ else }}{{ activities.again.output.depth + 1 }}{{ end }}"}],
          "root": {"id": "check", "type": "If", "inputs": {"condition": {"expression": "{{ input.n > 0 }}"}},
            "then": {"id": "again", "type": "RunWorkflow", "inputs": {"definitionId": "countdown", "input": {"expression": "{{ { n: input.n - 1 } }}"}}}}
        }
        """;

    [Fact]
    public async Task Run_workflow_runs_the_registered_child_and_returns_its_outputs()
    {
        var engine = new TestEngine();
        engine.Definitions.Add(engine.Parse("""
        {
          "id": "child",
          "inputs": [{"name": "n", "type": "integer", "required": true}],
          "outputs": [{"name": "doubled", "type": "integer", "value": "{{ activities.twice.sum }}"}],
          "root": {"id": "twice", "type": "Add", "inputs": {"a": {"expression": "{{ input.n }}"}, "b": {"expression": "{{ input.n }}"}}}
        }
        """));

        var result = await engine.RunAsync(Parent, new { n = 21 });

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(42L, result.Outputs["fromChild"]);
        Assert.Equal(1, Counters.Of(result.State.InstanceId, "after"));
        Assert.Equal(["twice", "call", "after", "seq"], result.Journal.Select(j => j.ActivityId));
        Assert.Equal([0], result.State.Scopes.Keys);
    }

    [Fact]
    public async Task Child_with_a_delay_suspends_the_parent_until_the_timer_is_due()
    {
        var engine = new TestEngine();
        engine.Definitions.Add(engine.Parse("""
        {
          "id": "child",
          "inputs": [{"name": "n", "type": "integer"}],
          "outputs": [{"name": "doubled", "type": "integer", "value": "{{ input.n * 2 }}"}],
          "root": {"id": "pause", "type": "Delay", "inputs": {"duration": "30m"}}
        }
        """));
        var start = engine.Clock.GetUtcNow();

        var waiting = await engine.RunAsync(Parent, new { n = 5 }, resumeTimers: false);

        Assert.Equal(WorkflowStatus.Suspended, waiting.Status);
        var bookmark = Assert.Single(waiting.Bookmarks);
        Assert.Equal(("pause", start + TimeSpan.FromMinutes(30)), (bookmark.ActivityId, bookmark.ResumeAt));
        Assert.Equal(0, Counters.Of(waiting.State.InstanceId, "after"));

        // The suspended state is plain data: continue it from JSON, as another node would.
        var reloaded = InstanceStateSerializer.Deserialize(InstanceStateSerializer.Serialize(waiting.State));
        var done = await engine.Runner.ResumeAsync(reloaded, bookmark.Id);

        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Equal(10L, done.Outputs["fromChild"]);
        Assert.Equal(1, Counters.Of(waiting.State.InstanceId, "after"));
    }

    [Fact]
    public async Task Child_delay_completes_within_the_run_when_timers_are_resumed()
    {
        var engine = new TestEngine();
        engine.Definitions.Add(engine.Parse("""
        {
          "id": "child",
          "inputs": [{"name": "n", "type": "integer"}],
          "outputs": [{"name": "doubled", "type": "integer", "value": "{{ input.n * 2 }}"}],
          "root": {"id": "pause", "type": "Delay", "inputs": {"duration": "30m"}}
        }
        """));
        var start = engine.Clock.GetUtcNow();

        var result = await engine.RunAsync(Parent, new { n = 4 });

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(8L, result.Outputs["fromChild"]);
        Assert.Equal(start + TimeSpan.FromMinutes(30), engine.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Child_that_faults_faults_the_parent_with_the_childs_incident()
    {
        var engine = new TestEngine();
        engine.Definitions.Add(engine.Parse("""
        {
          "id": "child",
          "inputs": [{"name": "n", "type": "integer"}],
          "root": {"id": "refuse", "type": "Fail", "inputs": {"message": {"expression": "cannot double {{ input.n }}"}}}
        }
        """));

        var result = await engine.RunAsync(Parent, new { n = 3 });

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        var incident = Assert.Single(result.Incidents);
        Assert.Equal(("refuse", "Fail", "cannot double 3"), (incident.ActivityId, incident.ActivityType, incident.Message));
        Assert.Equal(0, Counters.Of(result.State.InstanceId, "after"));
        Assert.Equal(JournalEventKind.Faulted, result.Journal.Single(j => j.ActivityId == "call").Kind);
    }

    [Fact]
    public async Task Child_fault_can_be_caught_in_the_parent()
    {
        var engine = new TestEngine();
        engine.Definitions.Add(engine.Parse("""
        {"id": "child", "root": {"id": "refuse", "type": "Fail", "inputs": {"message": "no"}}}
        """));

        var result = await engine.RunAsync("""
        {
          "id": "parent-catching",
          "outputs": [{"name": "failedAt", "value": "{{ activities.guard.error.activityId }}"}],
          "root": {"id": "guard", "type": "TryCatch", "try": {"id": "call", "type": "RunWorkflow", "inputs": {"definitionId": "child"}}}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal("refuse", result.Outputs["failedAt"]);
        Assert.Equal([0], result.State.Scopes.Keys);
    }

    [Fact]
    public async Task Workflow_that_runs_itself_faults_once_nesting_exceeds_max_workflow_depth()
    {
        var engine = new TestEngine();
        var recursive = engine.Parse("""
        {"id": "recurse", "root": {"id": "again", "type": "RunWorkflow", "inputs": {"definitionId": "recurse"}}}
        """);
        engine.Definitions.Add(recursive);

        var result = await engine.Runner.RunAsync(recursive);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        var incident = Assert.Single(result.Incidents);
        Assert.Equal(("again", "RunWorkflow"), (incident.ActivityId, incident.ActivityType));
        Assert.Equal($"child workflows are nested more than {engine.Runner.Options.MaxWorkflowDepth} deep (does \"recurse\" run itself?)", incident.Message);
    }

    [Theory]
    [InlineData(3, WorkflowStatus.Completed)]
    [InlineData(4, WorkflowStatus.Faulted)]
    public async Task Max_workflow_depth_counts_the_top_workflow_as_the_first_level(int n, WorkflowStatus expected)
    {
        var engine = new TestEngine();
        engine.Runner.Options.MaxWorkflowDepth = 4;
        var countdown = engine.Parse(Countdown);
        engine.Definitions.Add(countdown);

        var result = await engine.Runner.RunAsync(countdown, TestEngine.Input(new { n }));

        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public async Task Child_workflow_has_its_own_variables()
    {
        var engine = new TestEngine();
        engine.Definitions.Add(engine.Parse("""
        {
          "id": "child",
          "variables": [{"name": "x", "type": "string", "default": "child"}],
          "outputs": [{"name": "x", "type": "string"}],
          "root": {"id": "set", "type": "SetVariable", "inputs": {"name": "x", "value": "changed in child"}}
        }
        """));

        var result = await engine.RunAsync("""
        {
          "id": "parent-vars",
          "variables": [{"name": "x", "type": "string", "default": "parent"}],
          "outputs": [{"name": "x", "type": "string"}, {"name": "childX", "value": "{{ activities.call.output.x }}"}],
          "root": {"id": "call", "type": "RunWorkflow", "inputs": {"definitionId": "child"}}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(("parent", "changed in child"), (result.Outputs["x"], result.Outputs["childX"]));
    }

    [Fact]
    public async Task Workflow_may_run_itself_while_it_stays_within_max_workflow_depth()
    {
        var engine = new TestEngine();
        var countdown = engine.Parse(Countdown);
        engine.Definitions.Add(countdown);

        var result = await engine.Runner.RunAsync(countdown, TestEngine.Input(new { n = 5 }));

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(5L, result.Outputs["depth"]);
        Assert.Equal(5, result.Journal.Count(j => j.ActivityId == "again"));
    }

    [Fact]
    public async Task Run_workflow_of_an_unknown_definition_faults_with_a_clear_message()
    {
        var engine = new TestEngine();

        var result = await engine.RunAsync("""
        {"id": "orphan", "root": {"id": "call", "type": "RunWorkflow", "inputs": {"definitionId": "missing"}}}
        """);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal("workflow definition \"missing\" is not available", Assert.Single(result.Incidents).Message);
    }
}
