using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Streamis.Workflows.Engine.Registry;
using Streamis.Workflows.Engine.Running;
using Streamis.Workflows.Engine.Tests.Support;
using Streamis.Workflows.Engine.Values;
using Streamis.Workflows.Persistence;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Activities;
using Streamis.Workflows.StreamJobs.Config;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Operations;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.StreamJobs.Tests.Support;

/// <summary>
/// The built-in workflows of <c>workflows/streamjobs</c> on an in-process runner whose clock skips through every wait
/// (a 10-minute back-off takes no time), over a real SQLite database, the stream-job services and a
/// <see cref="ScriptedEngine"/>; alerts are recorded. Project "p1" exists, with "alice" holding release.
/// </summary>
public sealed class OperationsHost : IAsyncDisposable
{
    private readonly TestDatabase db;
    private readonly ServiceProvider provider;

    private OperationsHost(TestDatabase db, OperationsOptions options)
    {
        this.db = db;
        Clock = new SkippingClock(DateTimeOffset.UtcNow);
        Engine = new ScriptedEngine(Clock);
        Starter = new InProcessStarter(() => Runner!);
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton(new WorkflowDatabase(db.Options))
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddStreamJobs(new StreamJobsOptions { FileStoreDirectory = Path.Combine(db.Folder, "files") })
            .AddStreamJobOperations(options)
            .AddSingleton<IJobLauncher>(Engine)
            .AddSingleton<IJobStateFetcher>(Engine)
            .AddSingleton<IJobLogFetcher>(Engine)
            .AddSingleton<IAlerter>(Alerts)
            .AddSingleton<IWorkflowStarter>(Starter);
        provider = services.BuildServiceProvider();
        var registry = ActivityRegistry.CreateDefault().AddFromAssembly(typeof(LaunchJob).Assembly, "streamjobs");
        var definitions = new InMemoryDefinitionProvider();
        Runner = new WorkflowRunner(registry, new WorkflowRunnerOptions
        {
            Clock = Clock, Services = provider, Definitions = definitions, TemplatesPath = TemplatesFolder,
        });
        foreach (var file in Directory.GetFiles(WorkflowsFolder, "*.json")) definitions.Add(Runner.Parse(File.ReadAllText(file)));
    }

    /// <summary>The built-in workflows, as the build copied them beside the tests.</summary>
    public static string WorkflowsFolder => Path.Combine(AppContext.BaseDirectory, "workflows");

    public static string TemplatesFolder => Path.Combine(AppContext.BaseDirectory, "templates");

    public SkippingClock Clock { get; }

    public ScriptedEngine Engine { get; }

    public RecordingAlerter Alerts { get; } = new();

    public InProcessStarter Starter { get; }

    public WorkflowRunner Runner { get; }

    public T Get<T>() where T : notnull => provider.GetRequiredService<T>();

    public static async Task<OperationsHost> CreateAsync(Action<OperationsOptions>? configure = null)
    {
        var options = new OperationsOptions();
        configure?.Invoke(options);
        var db = TestDatabase.Create(DatabaseProvider.Sqlite);
        await db.OpenAsync();
        var host = new OperationsHost(db, options);
        await host.Get<ProjectService>().CreateAsync("p1", null, new ProjectMembers(["alice"], ["bob"], ["carol"]), "admin");
        return host;
    }

    /// <summary>A flink.sql job made by alice, with configuration values set by key (e.g. the fail-restart switch).</summary>
    public async Task<long> JobAsync(string name, params (string Key, string Value)[] config)
    {
        var saved = await Get<JobService>().CreateOrUpdateAsync(
            new JobMeta("p1", name, JobTypes.FlinkSql, new JsonObject { ["type"] = "sql", ["sql"] = "insert into sink select * from source" }), "alice");
        if (config.Length > 0)
        {
            var result = await Get<JobConfigService>().SetValuesAsync(saved.JobId, config.ToDictionary(c => c.Key, c => (string?)c.Value));
            Assert.True(result.Saved, string.Join("; ", result.Errors));
        }
        return saved.JobId;
    }

    /// <summary>Runs a built-in workflow to its end (or to a signal), waits skipped.</summary>
    public async Task<RunResult> RunAsync(string definitionId, object input)
    {
        var graph = await Runner.GetGraphAsync(definitionId, null, CancellationToken.None);
        var bound = (Dictionary<string, object?>)PlainValue.From(input)!;
        return await Runner.RunAsync(graph.Definition, bound, new RunOptions { ResumeTimers = true });
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        await db.DisposeAsync();
    }
}
