using Streamis.Workflows.Engine.Registry;
using Streamis.Workflows.Engine.Running;
using Streamis.Workflows.StreamJobs.Activities;
using Streamis.Workflows.StreamJobs.Tests.Support;

namespace Streamis.Workflows.StreamJobs.Tests.Operations;

/// <summary>The built-in operation workflows are what the Streamis API runs and what the designer shows: each must validate and explain itself.</summary>
public sealed class BuiltInWorkflowTests
{
    /// <summary>Every operation of Streamis, findable by its name.</summary>
    private static readonly string[] Operations =
    [
        "deploy", "start", "stop", "snapshot-and-stop", "snapshot", "recover-from-savepoint", "bulk-start", "bulk-stop", "bulk-restart", "monitor",
        "auto-restart",
    ];

    public static TheoryData<string> Files() => new(Directory.GetFiles(OperationsHost.WorkflowsFolder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Fact]
    public void Each_operation_has_a_workflow_named_after_it()
    {
        var runner = Runner();
        var ids = Directory.GetFiles(OperationsHost.WorkflowsFolder, "*.json").Select(f => runner.Parse(File.ReadAllText(f)).Id).Order(StringComparer.Ordinal);
        Assert.Equal(Operations.Order(StringComparer.Ordinal), ids);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Workflow_validates_against_the_descriptors_and_documents_its_inputs(string file)
    {
        var runner = Runner();
        var definition = runner.Parse(File.ReadAllText(Path.Combine(OperationsHost.WorkflowsFolder, file)));
        Assert.Empty(runner.Validate(definition));
        Assert.Equal(Path.GetFileNameWithoutExtension(file), definition.Id);
        Assert.False(string.IsNullOrWhiteSpace(definition.Description));
        Assert.All(definition.Inputs, input => Assert.False(string.IsNullOrWhiteSpace(input.Description), $"{file}: input \"{input.Name}\" has no description"));
        Assert.All(definition.Outputs, output => Assert.False(string.IsNullOrWhiteSpace(output.Description), $"{file}: output \"{output.Name}\" has no description"));
    }

    private static WorkflowRunner Runner() =>
        new(ActivityRegistry.CreateDefault().AddFromAssembly(typeof(LaunchJob).Assembly, "streamjobs"));
}
