using Streamis.Workflows.Engine.Registry;
using Streamis.Workflows.Engine.Running;
using Streamis.Workflows.Engine.Runtime;
using Streamis.Workflows.Persistence.Stores;

namespace Streamis.Workflows.Persistence.Tests.Support;

/// <summary>One "host": a runner, stores and a runtime over a database. Several may share one database, as nodes do.</summary>
public sealed class TestHost : IAsyncDisposable
{
    public TestHost(WorkflowDatabase database, Action<WorkflowRuntimeOptions>? configure = null)
    {
        Database = database;
        Registry = ActivityRegistry.CreateDefault().AddFromAssembly(typeof(TestHost).Assembly, "tests");
        Definitions = new EfDefinitionStore(database, TimeProvider.System);
        Instances = new EfInstanceStore(database);
        Runner = new WorkflowRunner(Registry, new WorkflowRunnerOptions { Definitions = new StoreDefinitionProvider(Definitions, Registry) });
        var options = new WorkflowRuntimeOptions { Workers = 8, LeaseDuration = TimeSpan.FromSeconds(5), MaxPollInterval = TimeSpan.FromMilliseconds(200) };
        configure?.Invoke(options);
        Runtime = new WorkflowRuntime(Runner, Definitions, Instances, options);
    }

    public WorkflowDatabase Database { get; }

    public ActivityRegistry Registry { get; }

    public EfDefinitionStore Definitions { get; }

    public EfInstanceStore Instances { get; }

    public WorkflowRunner Runner { get; }

    public WorkflowRuntime Runtime { get; }

    public async Task<string> PublishAsync(string json)
    {
        var definition = Runner.Parse(json);
        var saved = await Definitions.SaveDraftAsync(definition, default);
        await Definitions.PublishAsync(saved.DefinitionId, saved.Version, default);
        return saved.DefinitionId;
    }

    public async ValueTask DisposeAsync() => await Runtime.StopAsync();
}
