using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Running;
using Streamis.Workflows.Engine.Tests.Support;
using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Tests.Examples;

/// <summary>The definitions in <c>workflows/examples/</c> are documentation people copy from: each must validate and run.</summary>
public class ExampleWorkflowTests
{
    private static readonly string[] ThreeJobs = ["ods_order_etl", "dwd_user_profile", "ads_gmv_realtime"];

    // Every example needs a sample input here, so a new example cannot land without being run.
    private static readonly Dictionary<string, object> SampleInputs = new()
    {
        ["retry-with-backoff.json"] = new { jobName = "ods_order_etl" },
        ["parallel-report.json"] = new { jobs = ThreeJobs, runningJobs = new[] { "ods_order_etl", "ads_gmv_realtime" } },
    };

    public static TheoryData<string> ExampleFiles()
    {
        var files = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(ExamplesFolder(), "*.json").Order(StringComparer.Ordinal)) files.Add(Path.GetFileName(path));
        return files;
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Example_validates_without_problems(string file)
    {
        var engine = new TestEngine();
        var definition = engine.Parse(Read(file));
        Assert.Empty(engine.Runner.Validate(definition));
        Assert.All(definition.Inputs, input => Assert.False(string.IsNullOrWhiteSpace(input.Description), $"input \"{input.Name}\" has no description"));
        Assert.All(definition.Outputs, output => Assert.False(string.IsNullOrWhiteSpace(output.Description), $"output \"{output.Name}\" has no description"));
        Assert.All(definition.Root!.Children, node => Assert.NotNull(node.Metadata?["designer"]?["position"]));
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public async Task Example_runs_to_completion_with_its_sample_input(string file)
    {
        Assert.True(SampleInputs.ContainsKey(file), $"{file} has no sample input in {nameof(ExampleWorkflowTests)}");
        var engine = new TestEngine();
        var result = await engine.RunAsync(Read(file), SampleInputs[file]);
        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Empty(result.Incidents);
        var definition = engine.Parse(Read(file));
        Assert.Equal(definition.Outputs.Select(o => o.Name).Order(), result.Outputs.Keys.Order());
    }

    [Fact]
    public async Task Retry_with_backoff_sees_the_job_running_after_doubling_waits()
    {
        var engine = new TestEngine();
        var start = engine.Clock.GetUtcNow();
        var result = await engine.RunAsync(Read("retry-with-backoff.json"), new { jobName = "ods_order_etl" });

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal("RUNNING", result.Outputs["status"]);
        Assert.Equal(3L, result.Outputs["polls"]);
        Assert.Equal(true, result.Outputs["healthy"]);
        Assert.Null(result.Outputs["failure"]);
        Assert.Equal(TimeSpan.FromSeconds(10 + 20 + 40), engine.Clock.GetUtcNow() - start);
        Assert.Equal(["Poll 1 of ods_order_etl: STARTING", "Poll 2 of ods_order_etl: STARTING", "Poll 3 of ods_order_etl: RUNNING"],
            LogsOf(result, "report"));
        Assert.Equal(["ods_order_etl is RUNNING after 3 poll(s)"], LogsOf(result, "running"));
    }

    [Fact]
    public async Task Retry_with_backoff_stops_at_a_failed_report_and_catches_the_fail()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync(Read("retry-with-backoff.json"),
            new { jobName = "ods_order_etl", observedStatuses = new[] { "STARTING", "FAILED", "RUNNING" } });

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal("FAILED", result.Outputs["status"]);
        Assert.Equal(2L, result.Outputs["polls"]);
        Assert.Equal(false, result.Outputs["healthy"]);
        Assert.Equal("ods_order_etl reported FAILED on poll 2", result.Outputs["failure"]);
        Assert.Contains(result.Journal, e => e.ActivityId == "giveUpOnFailure" && e.Kind == JournalEventKind.Faulted);
        var failed = Assert.Single(result.Journal, e => e.ActivityId == "failed" && e.Kind == JournalEventKind.Log);
        Assert.Equal(LogSeverity.Error, failed.Severity);
        Assert.Empty(LogsOf(result, "running"));
        Assert.Empty(LogsOf(result, "gaveUp"));
    }

    [Fact]
    public async Task Retry_with_backoff_gives_up_after_the_poll_limit_with_capped_waits()
    {
        var engine = new TestEngine();
        var start = engine.Clock.GetUtcNow();
        var result = await engine.RunAsync(Read("retry-with-backoff.json"),
            new { jobName = "ods_order_etl", observedStatuses = Array.Empty<string>(), maxPolls = 4, maxDelaySeconds = 30 });

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal("UNKNOWN", result.Outputs["status"]);
        Assert.Equal(4L, result.Outputs["polls"]);
        Assert.Equal(false, result.Outputs["healthy"]);
        Assert.Equal(TimeSpan.FromSeconds(10 + 20 + 30 + 30), engine.Clock.GetUtcNow() - start);
        Assert.Equal(["ods_order_etl is still UNKNOWN after 4 poll(s); giving up"], LogsOf(result, "gaveUp"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    public async Task Parallel_report_tables_every_job_in_input_order_and_lists_those_to_start(int parallelism)
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync(Read("parallel-report.json"),
            new { jobs = ThreeJobs, runningJobs = new[] { "ods_order_etl", "ads_gmv_realtime" }, parallelism });

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal("""
            Status of 3 job(s)

            | job | status | action |
            |---|---|---|
            | ods_order_etl | RUNNING | none |
            | dwd_user_profile | STOPPED | start |
            | ads_gmv_realtime | RUNNING | none |

            """.ReplaceLineEndings("\n"), result.Outputs["report"]);
        Assert.Equal(new List<object?> { "dwd_user_profile" }, result.Outputs["toStart"]);
        Assert.Equal(3L, result.Outputs["total"]);
        Assert.Equal(3, LogsOf(result, "note").Count);
    }

    [Fact]
    public async Task Parallel_report_of_no_jobs_is_an_empty_table()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync(Read("parallel-report.json"), new { jobs = Array.Empty<string>() });

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.StartsWith("Status of 0 job(s)", (string)result.Outputs["report"]!);
        Assert.Equal(new List<object?>(), result.Outputs["toStart"]);
        Assert.Equal(0L, result.Outputs["total"]);
    }

    private static List<string?> LogsOf(RunResult result, string activityId) =>
        result.Journal.Where(e => e.ActivityId == activityId && e.Kind == JournalEventKind.Log).Select(e => e.Message).ToList();

    private static string Read(string file) => File.ReadAllText(Path.Combine(ExamplesFolder(), file));

    private static string ExamplesFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Streamis.Workflows.sln")))
                return Path.Combine(directory.FullName, "workflows", "examples");
        throw new DirectoryNotFoundException($"no Streamis.Workflows.sln in {AppContext.BaseDirectory} or above it");
    }
}
