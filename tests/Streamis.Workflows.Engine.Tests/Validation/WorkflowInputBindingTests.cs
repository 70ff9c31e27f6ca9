using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Tests.Support;
using Streamis.Workflows.Engine.Validation;

namespace Streamis.Workflows.Engine.Tests.Validation;

public class WorkflowInputBindingTests
{
    private const string Definition = """
    {
      "id": "bind",
      "inputs": [
        {"name": "jobId", "type": "integer", "required": true, "description": "Job to start"},
        {"name": "mode", "type": "string", "default": "safe", "options": ["fast", "safe"]},
        {"name": "retries", "type": "integer", "default": 3},
        {"name": "wait", "type": "timespan", "default": "5m"},
        {"name": "tags", "type": "array"},
        {"name": "dryRun", "type": "boolean", "default": false}
      ],
      "outputs": [{"name": "seen", "type": "object", "value": "{{ input }}"}],
      "root": {"id": "e", "type": "Echo"}
    }
    """;

    [Fact]
    public async Task Missing_required_input_is_refused_at_its_input_path()
    {
        var e = await Assert.ThrowsAsync<InvalidWorkflowInputException>(() => new TestEngine().RunAsync(Definition, new { mode = "fast" }));

        Assert.Equal([new ValidationProblem("$.input.jobId", "is required (Job to start)")], e.Problems);
    }

    [Fact]
    public async Task Required_input_given_as_null_is_missing()
    {
        var e = await Assert.ThrowsAsync<InvalidWorkflowInputException>(() =>
            new TestEngine().RunAsync(Definition, new Dictionary<string, object?> { ["jobId"] = null }));

        Assert.Equal("$.input.jobId", Assert.Single(e.Problems).Path);
    }

    [Fact]
    public async Task Input_of_the_wrong_type_is_refused_with_what_was_expected()
    {
        var e = await Assert.ThrowsAsync<InvalidWorkflowInputException>(() => new TestEngine().RunAsync(Definition, new { jobId = "abc" }));

        Assert.Equal([new ValidationProblem("$.input.jobId", "expected integer, got \"abc\"")], e.Problems);
    }

    [Fact]
    public async Task Value_outside_the_options_is_refused_with_the_options()
    {
        var e = await Assert.ThrowsAsync<InvalidWorkflowInputException>(() => new TestEngine().RunAsync(Definition, new { jobId = 1, mode = "reckless" }));

        Assert.Equal([new ValidationProblem("$.input.mode", "\"reckless\" is not one of fast, safe")], e.Problems);
    }

    [Fact]
    public async Task Every_input_problem_is_reported_at_once()
    {
        var e = await Assert.ThrowsAsync<InvalidWorkflowInputException>(() =>
            new TestEngine().RunAsync(Definition, new { mode = "reckless", retries = 1.5, wait = "later", tags = "not a list", dryRun = "perhaps" }));

        Assert.Equal(
        [
            new("$.input.jobId", "is required (Job to start)"),
            new("$.input.mode", "\"reckless\" is not one of fast, safe"),
            new("$.input.retries", "expected integer, got 1.5"),
            new("$.input.wait", "expected timespan, got \"later\""),
            new("$.input.tags", "expected array, got \"not a list\""),
            new("$.input.dryRun", "expected boolean, got \"perhaps\""),
        ], e.Problems);
        Assert.StartsWith("The workflow input is invalid: $.input.jobId: is required (Job to start); ", e.Message);
    }

    [Fact]
    public async Task Defaults_fill_in_what_is_not_given()
    {
        var result = await new TestEngine().RunAsync(Definition, new { jobId = 7 });

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        var input = result.State.Input;
        Assert.Equal(7L, input["jobId"]);
        Assert.Equal("safe", input["mode"]);
        Assert.Equal(3L, input["retries"]);
        Assert.Equal("00:05:00", input["wait"]);
        Assert.False((bool)input["dryRun"]!);
        Assert.True(input.ContainsKey("tags"));
        Assert.Null(input["tags"]);
        Assert.True(Values.PlainValue.DeepEquals(input, result.Outputs["seen"]));
    }

    [Fact]
    public async Task Null_takes_the_default_too()
    {
        var result = await new TestEngine().RunAsync(Definition, new Dictionary<string, object?> { ["jobId"] = 1, ["retries"] = null });

        Assert.Equal(3L, result.State.Input["retries"]);
    }

    [Fact]
    public async Task Given_values_are_converted_to_the_declared_type()
    {
        var result = await new TestEngine().RunAsync(Definition, new { jobId = "42", retries = 5.0, wait = "30s", tags = new[] { "a", "b" }, dryRun = "true" });

        var input = result.State.Input;
        Assert.Equal(42L, input["jobId"]);
        Assert.Equal(5L, input["retries"]);
        Assert.Equal("00:00:30", input["wait"]);
        Assert.Equal(["a", "b"], Assert.IsType<List<object?>>(input["tags"]));
        Assert.Equal(true, input["dryRun"]);
    }

    [Fact]
    public async Task Child_workflow_input_problems_fault_the_run_workflow_activity()
    {
        var engine = new TestEngine();
        engine.Definitions.Add(engine.Parse("""
        {"id": "child", "inputs": [{"name": "start", "type": "integer", "required": true}], "root": {"id": "c", "type": "Echo"}}
        """));

        var result = await engine.RunAsync("""
        {"id": "parent", "root": {"id": "run", "type": "RunWorkflow", "inputs": {"definitionId": "child", "input": {"begin": 1}}}}
        """);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        var incident = Assert.Single(result.Incidents);
        Assert.Equal("run", incident.ActivityId);
        Assert.Equal(nameof(InvalidWorkflowInputException), incident.ErrorType);
        Assert.Contains("$.input.start: is required", incident.Message);
    }
}
