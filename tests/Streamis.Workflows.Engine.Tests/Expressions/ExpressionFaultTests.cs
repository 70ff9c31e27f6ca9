using Streamis.Workflows.Engine.Definitions;
using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Expressions;
using Streamis.Workflows.Engine.Tests.Support;

namespace Streamis.Workflows.Engine.Tests.Expressions;

/// <summary>An expression that fails at run time faults its activity with a message that quotes it and says where.</summary>
public class ExpressionFaultTests
{
    [Fact]
    public async Task Failing_expression_faults_the_activity_with_its_text_and_position()
    {
        var result = await new TestEngine().RunAsync("""
        {"id": "w", "inputs": [{"name": "jobId", "type": "integer"}],
         "root": {"id": "seq", "type": "Sequence", "activities": [
           {"id": "ok", "type": "Echo", "inputs": {"value": 1}},
           {"id": "bad", "type": "Echo", "inputs": {"value": {"expression": "{{ lookup(input.jobId) }}"}}},
           {"id": "never", "type": "Echo"}]}}
        """, new { jobId = 7 });

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        var incident = Assert.Single(result.Incidents);
        Assert.Equal("bad", incident.ActivityId);
        Assert.Equal("Echo", incident.ActivityType);
        Assert.Equal(nameof(ExpressionException), incident.ErrorType);
        Assert.Equal("expression \"{{ lookup(input.jobId) }}\" failed: The function `lookup` was not found (at character 4)", incident.Message);
        var faulted = Assert.Single(result.Journal, j => j.Kind == JournalEventKind.Faulted && j.ActivityId == "bad");
        Assert.Equal(incident.Message, faulted.ErrorMessage);
        Assert.DoesNotContain(result.Journal, j => j.ActivityId == "never");
    }

    [Theory]
    [InlineData("  {{ lookup() }}", "(at character 6)")]
    [InlineData("{{\n  lookup()\n}}", "(at character 6)")]
    [InlineData("{{ input.jobId | math.abs | lookup }}", "(at character 29)")]
    [InlineData("Job {{ lookup() }}", "(at line 1, column 8)")]
    [InlineData("Job\n  {{ input.jobId }} then {{ lookup() }}", "(at line 2, column 29)")]
    public async Task Position_points_at_the_failing_part(string expression, string position)
    {
        var incident = await EchoFaultAsync(expression);

        Assert.StartsWith($"expression \"{expression}\" failed: The function `lookup` was not found ", incident.Message);
        Assert.EndsWith(position, incident.Message);
    }

    [Fact]
    public async Task Expression_of_the_wrong_type_names_the_input_and_the_activity()
    {
        var result = await new TestEngine().RunAsync("""
        {"id": "w", "root": {"id": "sum", "type": "Add", "inputs": {"a": {"expression": "{{ 'abc' }}"}}}}
        """);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        var incident = Assert.Single(result.Incidents);
        Assert.Equal("sum", incident.ActivityId);
        Assert.Equal(nameof(ActivityInputException), incident.ErrorType);
        Assert.Equal("input \"a\" of Add \"sum\": expected integer, got \"abc\"", incident.Message);
    }

    [Fact]
    public async Task Expression_yielding_nothing_for_a_required_number_names_the_input()
    {
        var incident = (await new TestEngine().RunAsync("""
        {"id": "w", "root": {"id": "sum", "type": "Add", "inputs": {"a": {"expression": "{{ input.missing }}"}}}}
        """)).Incidents.Single();

        Assert.Equal("input \"a\" of Add \"sum\": expected integer, got null", incident.Message);
    }

    [Fact]
    public async Task Text_convertible_to_the_input_type_is_accepted()
    {
        var result = await new TestEngine().RunAsync("""
        {"id": "w", "outputs": [{"name": "sum", "type": "integer", "value": "{{ activities.sum.sum }}"}],
         "root": {"id": "sum", "type": "Add", "inputs": {"a": {"expression": "4{{ 1 }}"}, "b": {"expression": "{{ '1' }}"}}}}
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(42L, result.Outputs["sum"]);
    }

    [Fact]
    public async Task Expression_faults_are_not_retried_as_transient()
    {
        var result = await new TestEngine().RunAsync("""
        {"id": "w", "root": {"id": "bad", "type": "Echo", "retry": {"maxAttempts": 3, "initialDelay": "1s"},
          "inputs": {"value": {"expression": "{{ lookup() }}"}}}}
        """);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.DoesNotContain(result.Journal, j => j.Kind == JournalEventKind.Retrying);
        Assert.Equal(1, Assert.Single(result.Journal).Attempt);
    }

    [Fact]
    public async Task Failing_workflow_output_expression_faults_the_workflow_with_the_output_named()
    {
        var result = await new TestEngine().RunAsync("""
        {"id": "outs", "outputs": [{"name": "total", "type": "integer", "value": "{{ lookup(activities.e.result) }}"}],
         "root": {"id": "e", "type": "Echo", "inputs": {"value": 1}}}
        """);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        var incident = Assert.Single(result.Incidents);
        Assert.Equal("e", incident.ActivityId);
        Assert.Equal("WorkflowOutputError", incident.ErrorType);
        Assert.Equal("workflow output of \"outs\": expression \"{{ lookup(activities.e.result) }}\" failed: The function `lookup` was not found (at character 4)", incident.Message);
    }

    [Fact]
    public async Task Workflow_output_of_the_wrong_type_names_the_output()
    {
        var result = await new TestEngine().RunAsync("""
        {"id": "outs", "outputs": [{"name": "total", "type": "integer", "value": "{{ 'many' }}"}], "root": {"id": "e", "type": "Echo"}}
        """);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal("workflow output of \"outs\": output \"total\": expected integer, got \"many\"", Assert.Single(result.Incidents).Message);
    }

    private static async Task<Incident> EchoFaultAsync(string expression)
    {
        var engine = new TestEngine();
        var definition = engine.Parse(DefinitionWriter.Write(WithEcho(engine, expression)));
        var result = await engine.Runner.RunAsync(definition, TestEngine.Input(new { jobId = -3 }));
        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        return Assert.Single(result.Incidents);
    }

    private static WorkflowDefinition WithEcho(TestEngine engine, string expression)
    {
        var definition = engine.Parse("""{"id": "w", "inputs": [{"name": "jobId", "type": "integer"}], "root": {"id": "probe", "type": "Echo"}}""");
        definition.Root!.Inputs["value"] = InputValue.FromExpression(expression);
        return definition;
    }
}
