using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Expressions;
using Streamis.Workflows.Engine.Running;
using Streamis.Workflows.Engine.Tests.Support;

namespace Streamis.Workflows.Engine.Tests.Expressions;

/// <summary>What expressions yield and which names they see.</summary>
public class ExpressionValueTests
{
    private static readonly Dictionary<string, object?> Globals = new()
    {
        ["input"] = new Dictionary<string, object?> { ["jobId"] = 42L, ["name"] = "etl", ["ratio"] = 0.5, ["tags"] = new List<object?> { "a", "b" } },
        ["vars"] = new Dictionary<string, object?> { ["count"] = 3L },
    };

    [Fact]
    public void Single_block_yields_the_value_with_its_type()
    {
        Assert.Equal(42L, Evaluate("{{ input.jobId }}"));
        Assert.Equal(84L, Evaluate("{{ input.jobId * 2 }}"));
        Assert.Equal(0.5, Evaluate("{{ input.ratio }}"));
        Assert.Equal(5.0, Evaluate("{{ 2.5 * 2 }}"));
        Assert.Equal(true, Evaluate("{{ input.jobId > vars.count }}"));
        Assert.Equal("etl", Evaluate("{{ input.name }}"));
        Assert.Null(Evaluate("{{ input.missing }}"));
        Assert.Equal(new List<object?> { "a", "b" }, Evaluate("{{ input.tags }}"));
        Assert.Equal(new List<object?> { 1L, "x" }, Evaluate("{{ [1, 'x'] }}"));
        var obj = Assert.IsType<Dictionary<string, object?>>(Evaluate("{{ {id: input.jobId, tags: input.tags} }}"));
        Assert.Equal(42L, obj["id"]);
    }

    [Fact]
    public void Blanks_around_a_single_block_keep_the_value_typed()
    {
        Assert.Equal(42L, Evaluate("  {{ input.jobId }}\n"));
    }

    [Fact]
    public void Mixed_text_renders_a_string()
    {
        Assert.Equal("Job 42 (etl)", Evaluate("Job {{ input.jobId }} ({{ input.name }})"));
        Assert.Equal("4242", Evaluate("{{ input.jobId }}{{ input.jobId }}"));
        Assert.Equal("plain text", Evaluate("plain text"));
        Assert.Equal("", Evaluate(""));
        Assert.Equal("a-b", Evaluate("{{ for t in input.tags }}{{ t }}{{ if !for.last }}-{{ end }}{{ end }}"));
    }

    [Fact]
    public void Whitespace_control_makes_a_rendered_string()
    {
        Assert.Equal("42", Evaluate("{{- input.jobId -}}"));
    }

    [Fact]
    public async Task Activity_inputs_see_input_vars_activities_and_workflow()
    {
        var engine = new TestEngine();
        var definition = engine.Parse("""
        {
          "id": "names", "version": 2,
          "inputs": [{"name": "jobId", "type": "integer"}, {"name": "name", "type": "string"}],
          "variables": [{"name": "greeting", "type": "string", "default": "hello"}],
          "root": {"id": "seq", "type": "Sequence", "activities": [
            {"id": "typed", "type": "Echo", "inputs": {"value": {"expression": "{{ input.jobId }}"}}},
            {"id": "text", "type": "Echo", "inputs": {"value": {"expression": "Job {{ input.jobId }} of {{ input.name }}"}}},
            {"id": "variable", "type": "Echo", "inputs": {"value": {"expression": "{{ vars.greeting }}, {{ input.name }}"}}},
            {"id": "chained", "type": "Add", "inputs": {"a": {"expression": "{{ activities.typed.result }}"}, "b": {"expression": "{{ input.jobId * 2 }}"}}},
            {"id": "who", "type": "Echo", "inputs": {"value": {"expression": "{{ workflow.instanceId }}/{{ workflow.definitionId }}/{{ workflow.version }}/{{ workflow.correlationId }}"}}}
          ]}
        }
        """);

        var result = await engine.Runner.RunAsync(definition, TestEngine.Input(new { jobId = 42, name = "etl" }),
            new RunOptions { InstanceId = "inst-1", CorrelationId = "corr-9" });

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(42L, Output(result, "typed", "result"));
        Assert.Equal("Job 42 of etl", Output(result, "text", "result"));
        Assert.Equal("hello, etl", Output(result, "variable", "result"));
        Assert.Equal(126L, Output(result, "chained", "sum"));
        Assert.Equal("inst-1/names/2/corr-9", Output(result, "who", "result"));
    }

    [Fact]
    public async Task Loop_bodies_see_item_and_index()
    {
        var result = await new TestEngine().RunAsync("""
        {
          "id": "loops",
          "inputs": [{"name": "jobs", "type": "array"}],
          "variables": [{"name": "seen", "type": "array", "default": []}],
          "outputs": [
            {"name": "seen", "type": "array"},
            {"name": "parallel", "type": "array", "value": "{{ activities.fan.results | array.map 'result' }}"}
          ],
          "root": {"id": "seq", "type": "Sequence", "activities": [
            {"id": "each", "type": "ForEach", "inputs": {"items": {"expression": "{{ input.jobs }}"}},
             "body": {"id": "note", "type": "SetVariable",
                      "inputs": {"name": "seen", "value": {"expression": "{{ vars.seen | array.add (item.name + '#' + index) }}"}}}},
            {"id": "fan", "type": "ParallelForEach", "inputs": {"items": {"expression": "{{ input.jobs }}"}, "maxDegreeOfParallelism": 2},
             "body": {"id": "keep", "type": "SetVariable", "inputs": {"name": "result", "value": {"expression": "{{ item.id * 10 + index }}"}}}}
          ]}
        }
        """, new { jobs = new object[] { new { id = 1, name = "a" }, new { id = 2, name = "b" }, new { id = 3, name = "c" } } });

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(new List<object?> { "a#0", "b#1", "c#2" }, result.Outputs["seen"]);
        Assert.Equal(new List<object?> { 10L, 21L, 32L }, result.Outputs["parallel"]);
    }

    [Fact]
    public async Task Catch_sees_the_error()
    {
        var result = await new TestEngine().RunAsync("""
        {
          "id": "catching",
          "variables": [{"name": "caught", "type": "string"}],
          "outputs": [{"name": "caught", "type": "string"}],
          "root": {"id": "guard", "type": "TryCatch",
            "try": {"id": "boom", "type": "Fail", "inputs": {"message": "launch refused"}},
            "catch": {"id": "report", "type": "SetVariable",
                      "inputs": {"name": "caught", "value": {"expression": "{{ error.activityId }}: {{ error.message }}"}}}}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal("boom: launch refused", result.Outputs["caught"]);
    }

    [Fact]
    public async Task Workflow_output_expressions_see_the_finished_activities()
    {
        var result = await new TestEngine().RunAsync("""
        {
          "id": "outs",
          "inputs": [{"name": "n", "type": "integer"}],
          "outputs": [
            {"name": "sum", "type": "integer", "value": "{{ activities.add.sum }}"},
            {"name": "text", "type": "string", "value": "sum={{ activities.add.sum }}"},
            {"name": "asNumber", "type": "number", "value": "{{ activities.add.sum }}"}
          ],
          "root": {"id": "add", "type": "Add", "inputs": {"a": {"expression": "{{ input.n }}"}, "b": 1}}
        }
        """, new { n = 4 });

        Assert.Equal(5L, result.Outputs["sum"]);
        Assert.Equal("sum=5", result.Outputs["text"]);
        Assert.Equal(5.0, result.Outputs["asNumber"]);
        Assert.IsType<double>(result.Outputs["asNumber"]);
    }

    private static object? Evaluate(string text)
    {
        var engine = new ExpressionEngine();
        return engine.CreateScope().Evaluate(engine.Compile(text), Globals);
    }

    private static object? Output(RunResult result, string activityId, string output) =>
        ((Dictionary<string, object?>)result.State.Scopes[0].Activities[activityId]!)[output];
}
