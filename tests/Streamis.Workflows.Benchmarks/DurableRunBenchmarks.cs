using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Streamis.Workflows.Engine.Runtime;

namespace Streamis.Workflows.Benchmarks;

/// <summary>
/// A durable run of the 10-activity workflow (started, run, and stored with its journal in one commit) next to
/// the physical floor on the same SQLite file: one single-row insert transaction. Target: the durable rate at
/// least 40% of the raw one, i.e. a durable run within 2.5× a raw insert.
/// </summary>
[MemoryDiagnoser]
public class DurableRunBenchmarks
{
    private BenchmarkDatabase database = null!;
    private SqliteConnection raw = null!;
    private SqliteCommand insert = null!;
    private long next;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        database = await BenchmarkDatabase.CreateAsync();
        await database.PublishAsync(SequentialWorkflow.Json);
        raw = new SqliteConnection(database.Database.ConnectionString);
        raw.Open();
        using (var create = raw.CreateCommand())
        {
            create.CommandText = "CREATE TABLE bench_raw (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)";
            create.ExecuteNonQuery();
        }
        insert = raw.CreateCommand();
        insert.CommandText = "INSERT INTO bench_raw (id, payload) VALUES ($id, $payload)";
        insert.Parameters.Add("$id", SqliteType.Integer);
        insert.Parameters.AddWithValue("$payload", new string('x', 200));
    }

    [Benchmark(Baseline = true, Description = "raw SQLite single-row insert transaction")]
    public void RawInsertTransaction()
    {
        using var transaction = raw.BeginTransaction();
        insert.Transaction = transaction;
        insert.Parameters["$id"].Value = ++next;
        insert.ExecuteNonQuery();
        transaction.Commit();
    }

    [Benchmark(Description = "durable 10-activity run, one commit")]
    public Task<InstanceSummary> DurableRun() => database.Runtime.RunWorkflowAsync(SequentialWorkflow.Id);

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        insert.Dispose();
        raw.Dispose();
        await database.DisposeAsync();
    }
}
