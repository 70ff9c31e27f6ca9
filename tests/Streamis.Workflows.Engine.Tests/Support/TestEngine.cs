using Streamis.Workflows.Engine.Definitions;
using Streamis.Workflows.Engine.Registry;
using Streamis.Workflows.Engine.Running;

namespace Streamis.Workflows.Engine.Tests.Support;

/// <summary>A runner over the built-ins plus the test activities, on a skipping clock.</summary>
public sealed class TestEngine
{
    public TestEngine(InMemoryDefinitionProvider? definitions = null, string? templatesPath = null)
    {
        Registry = ActivityRegistry.CreateDefault().AddFromAssembly(typeof(TestEngine).Assembly, "tests");
        Definitions = definitions ?? new InMemoryDefinitionProvider();
        Runner = new WorkflowRunner(Registry, new WorkflowRunnerOptions { Clock = Clock, Definitions = Definitions, TemplatesPath = templatesPath });
    }

    public SkippingClock Clock { get; } = new();

    public ActivityRegistry Registry { get; }

    public InMemoryDefinitionProvider Definitions { get; }

    public WorkflowRunner Runner { get; }

    public WorkflowDefinition Parse(string json) => Runner.Parse(json);

    public Task<RunResult> RunAsync(string json, object? input = null, bool resumeTimers = true) =>
        Runner.RunAsync(Parse(json), Input(input), new RunOptions { ResumeTimers = resumeTimers });

    public static IReadOnlyDictionary<string, object?>? Input(object? input) =>
        input is null ? null : (Dictionary<string, object?>)Values.PlainValue.From(input)!;
}
