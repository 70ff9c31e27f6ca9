using System.Text.Json;
using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Expressions;
using Streamis.Workflows.Engine.Registry;
using Streamis.Workflows.Engine.Running;
using Streamis.Workflows.Engine.Tests.Support;

namespace Streamis.Workflows.Engine.Tests.Expressions;

/// <summary>Expressions run bounded: loops, recursion, time and output are limited; .NET members and includes are out of reach.</summary>
public class ExpressionSandboxTests
{
    /// <summary>Runs long within the loop limit: each of 9000 passes rewrites a half-million-character string.</summary>
    private const string LongRunning =
        "{{ x = 'ab'; for i in 1..18; x = x + x; end; for i in 1..9000; y = x | string.replace 'a' 'b'; end; y | string.size }}";

    private static readonly Dictionary<string, object?> Globals = new()
    {
        ["input"] = new Dictionary<string, object?> { ["jobId"] = 42L, ["name"] = "etl" },
    };

    [Fact]
    public async Task Endless_while_loop_faults_at_the_loop_limit()
    {
        var incident = await EchoFaultAsync("{{ while true }}{{ end }}");

        Assert.StartsWith("expression \"{{ while true }}{{ end }}\" failed: ", incident.Message);
        Assert.Contains("iteration limit `10000`", incident.Message);
    }

    [Theory]
    [InlineData("{{ for i in 1..100000 }}{{ for j in 1..100000 }}{{ end }}{{ end }}")]
    [InlineData("{{ for i in 1..9000 }}{{ for j in 1..9000 }}{{ end }}{{ end }}")]
    [InlineData("{{ i = 0; while true; j = 0; while j < 5000; j = j + 1; end; i = i + 1; end }}")]
    public async Task Nested_huge_loops_fault_at_the_loop_limit(string expression)
    {
        var incident = await EchoFaultAsync(expression);

        Assert.Contains("limit", incident.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("`10000`", incident.Message);
    }

    [Fact]
    public async Task Loop_limit_is_configurable()
    {
        var runner = RunnerWith(new ExpressionLimits { LoopLimit = 50 });

        var incident = await EchoFaultAsync("{{ for i in 1..60 }}{{ i }}{{ end }}", runner);

        Assert.Contains("`50`", incident.Message);
        Assert.Equal("1234", Evaluate("{{ for i in 1..4 }}{{ i }}{{ end }}", new ExpressionLimits { LoopLimit = 50 }));
    }

    [Fact]
    public async Task Endless_recursion_faults_at_the_recursion_limit()
    {
        var incident = await EchoFaultAsync("{{ func f; ret f(); end; f() }}");

        Assert.StartsWith("expression \"{{ func f; ret f(); end; f() }}\" failed: ", incident.Message);
        Assert.Contains("recursive depth limit `64`", incident.Message);
    }

    [Fact]
    public void Recursion_limit_is_configurable()
    {
        var limits = new ExpressionLimits { RecursionLimit = 10 };
        const string countdown = "{{ func down(n); if n > 0; ret down(n - 1); end; ret 'landed'; end; down(COUNT) }}";

        Assert.Equal("landed", Evaluate(countdown.Replace("COUNT", "5"), limits));
        var e = Assert.Throws<ExpressionException>(() => Evaluate(countdown.Replace("COUNT", "20"), limits));
        Assert.Contains("recursive depth limit `10`", e.Message);
    }

    [Fact]
    public async Task Expression_running_past_the_time_limit_faults_the_activity()
    {
        var runner = RunnerWith(new ExpressionLimits { TimeLimit = TimeSpan.FromMilliseconds(100) });

        var incident = await EchoFaultAsync(LongRunning, runner);

        Assert.StartsWith("expression \"{{ x = 'ab'; for i in 1..18;", incident.Message);
        Assert.EndsWith("failed: took longer than 0.1 s", incident.Message);
    }

    [Fact]
    public void Scope_evaluates_again_after_a_time_out()
    {
        var engine = new ExpressionEngine(new ExpressionLimits { TimeLimit = TimeSpan.FromMilliseconds(100) });
        var scope = engine.CreateScope();

        var e = Assert.Throws<ExpressionException>(() => scope.Evaluate(engine.Compile(LongRunning), Globals));

        Assert.Contains("took longer than 0.1 s", e.Message);
        Assert.Equal(42L, scope.Evaluate(engine.Compile("{{ input.jobId }}"), Globals));
        Assert.Equal("job 42", scope.Evaluate(engine.Compile("job {{ input.jobId }}"), Globals));
    }

    [Fact]
    public void Scope_evaluates_again_after_a_failure()
    {
        var engine = new ExpressionEngine();
        var scope = engine.CreateScope();

        Assert.Throws<ExpressionException>(() => scope.Evaluate(engine.Compile("{{ while true }}{{ end }}"), Globals));
        Assert.Throws<ExpressionException>(() => scope.Evaluate(engine.Compile("{{ func f; ret f(); end; f() }}"), Globals));

        Assert.Equal(42L, scope.Evaluate(engine.Compile("{{ input.jobId }}"), Globals));
        Assert.Equal("etl-1", scope.Evaluate(engine.Compile("{{ input.name }}-{{ for i in 1..1 }}{{ i }}{{ end }}"), Globals));
    }

    [Fact]
    public async Task Workflow_goes_on_after_a_caught_expression_failure()
    {
        var result = await new TestEngine().RunAsync("""
        {
          "id": "recover",
          "outputs": [{"name": "after", "type": "integer", "value": "{{ activities.after.sum }}"}],
          "root": {"id": "seq", "type": "Sequence", "activities": [
            {"id": "guard", "type": "TryCatch", "try": {"id": "spin", "type": "Echo", "inputs": {"value": {"expression": "{{ while true }}{{ end }}"}}}},
            {"id": "after", "type": "Add", "inputs": {"a": {"expression": "{{ 40 + 1 }}"}}}
          ]}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(42L, result.Outputs["after"]);
    }

    [Theory]
    [InlineData("{{ input.name.Length }}")]
    [InlineData("{{ \"abc\".Length }}")]
    [InlineData("{{ input.name.GetType }}")]
    [InlineData("{{ input.jobId.ToString }}")]
    [InlineData("{{ input.Count }}")]
    [InlineData("{{ input.Keys }}")]
    public void Dotnet_members_are_not_visible(string expression)
    {
        Assert.Null(Evaluate(expression));
    }

    [Fact]
    public void Dotnet_members_render_as_nothing_in_text()
    {
        Assert.Equal("len= type=", Evaluate("len={{ input.name.Length }} type={{ input.GetType }}"));
    }

    [Theory]
    [InlineData("{{ input.GetType().Assembly.FullName }}")]
    [InlineData("{{ input.name.GetType() }}")]
    [InlineData("{{ input.name.Substring(1) }}")]
    public void Dotnet_methods_cannot_be_called(string expression)
    {
        var e = Assert.Throws<ExpressionException>(() => Evaluate(expression));

        Assert.Contains("was not found", e.Message);
        Assert.DoesNotContain("System.", e.Message);
    }

    [Fact]
    public void Include_is_not_available()
    {
        var e = Assert.Throws<ExpressionException>(() => Evaluate("{{ include 'secrets' }}"));

        Assert.StartsWith("expression \"{{ include 'secrets' }}\" failed: ", e.Message);
        Assert.Contains("No TemplateLoader", e.Message);
    }

    [Fact]
    public async Task Templates_cannot_include_files_from_the_templates_folder()
    {
        var folder = Directory.CreateTempSubdirectory("streamis-templates-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "secret.txt"), "token=abc");
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "report.txt"), "before {{ include 'secret' }} after");
            var engine = new TestEngine(templatesPath: folder.FullName);

            var result = await engine.RunAsync("""
            {"id": "t", "root": {"id": "render", "type": "RenderTemplate", "inputs": {"templateName": "report"}}}
            """);

            Assert.Equal(WorkflowStatus.Faulted, result.Status);
            var incident = Assert.Single(result.Incidents);
            Assert.Equal("render", incident.ActivityId);
            Assert.Contains("No TemplateLoader", incident.Message);
            Assert.DoesNotContain("token=abc", incident.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Rendered_output_is_bounded_by_the_output_limit()
    {
        var text = Assert.IsType<string>(Evaluate("{{ for i in 1..500 }}0123456789{{ end }}", new ExpressionLimits { OutputLimit = 1000 }));

        // Scriban cuts the text at the limit and marks the cut with "...".
        Assert.InRange(text.Length, 1000, 1003);
    }

    [Fact]
    public void Expression_text_longer_than_the_limit_is_refused_at_compile_time()
    {
        var engine = new ExpressionEngine(new ExpressionLimits { MaxTextLength = 20 });

        var e = Assert.Throws<ExpressionException>(() => engine.Compile("{{ input.jobId + input.jobId }}"));

        Assert.Equal("expression is 31 characters long; at most 20 are allowed", e.Message);
    }

    private static WorkflowRunner RunnerWith(ExpressionLimits limits) =>
        new(ActivityRegistry.CreateDefault().AddFromAssembly(typeof(TestEngine).Assembly, "tests"),
            new WorkflowRunnerOptions { Clock = new SkippingClock(), Expressions = limits });

    private static async Task<Incident> EchoFaultAsync(string expression, WorkflowRunner? runner = null)
    {
        runner ??= new TestEngine().Runner;
        var definition = runner.Parse($$"""
        {"id": "sandbox", "root": {"id": "probe", "type": "Echo", "inputs": {"value": {"expression": {{JsonSerializer.Serialize(expression)}} } } } }
        """);

        var result = await runner.RunAsync(definition);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        var incident = Assert.Single(result.Incidents);
        Assert.Equal("probe", incident.ActivityId);
        Assert.Equal(nameof(ExpressionException), incident.ErrorType);
        return incident;
    }

    private static object? Evaluate(string text, ExpressionLimits? limits = null)
    {
        var engine = new ExpressionEngine(limits ?? new ExpressionLimits());
        return engine.CreateScope().Evaluate(engine.Compile(text), Globals);
    }
}
