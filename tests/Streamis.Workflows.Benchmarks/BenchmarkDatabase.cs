using Streamis.Workflows.Engine.Registry;
using Streamis.Workflows.Engine.Running;
using Streamis.Workflows.Engine.Runtime;
using Streamis.Workflows.Persistence;
using Streamis.Workflows.Persistence.Stores;

namespace Streamis.Workflows.Benchmarks;

/// <summary>A fresh SQLite database in a temp folder with the stores and a runtime over it, as a host has them.</summary>
public sealed class BenchmarkDatabase : IAsyncDisposable
{
    private BenchmarkDatabase(string folder, WorkflowDatabase database)
    {
        Folder = folder;
        Database = database;
        Registry = ActivityRegistry.CreateDefault().Add<AddOne>();
        Definitions = new EfDefinitionStore(database, TimeProvider.System);
        Instances = new EfInstanceStore(database);
        Runner = new WorkflowRunner(Registry, new WorkflowRunnerOptions { Definitions = new StoreDefinitionProvider(Definitions, Registry) });
        Runtime = new WorkflowRuntime(Runner, Definitions, Instances);
    }

    public string Folder { get; }

    public WorkflowDatabase Database { get; }

    public ActivityRegistry Registry { get; }

    public EfDefinitionStore Definitions { get; }

    public EfInstanceStore Instances { get; }

    public WorkflowRunner Runner { get; }

    public WorkflowRuntime Runtime { get; }

    public static async Task<BenchmarkDatabase> CreateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("swf-bench").FullName;
        var database = new WorkflowDatabase(new PersistenceOptions { DataDirectory = folder });
        await database.InitializeAsync();
        return new BenchmarkDatabase(folder, database);
    }

    public async Task PublishAsync(string json)
    {
        var saved = await Definitions.SaveDraftAsync(Runner.Parse(json), default);
        await Definitions.PublishAsync(saved.DefinitionId, saved.Version, default);
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
