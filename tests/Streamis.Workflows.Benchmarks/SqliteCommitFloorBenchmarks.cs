using BenchmarkDotNet.Attributes;

namespace Streamis.Workflows.Benchmarks;

/// <summary>
/// The anchor of <see cref="DurableRunBenchmarks"/> in the performance report: a raw insert + update in one transaction
/// on a SQLite file made as the benchmark database is (same folder, same connection settings and pragmas, WAL).
/// </summary>
[MemoryDiagnoser]
public class SqliteCommitFloorBenchmarks
{
    private BenchmarkDatabase database = null!;
    private SqliteWriteFloor floor = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        database = await BenchmarkDatabase.CreateAsync();
        floor = SqliteWriteFloor.Open(database.Database.ConnectionString, database.Database.SqlitePragmas!);
    }

    [Benchmark(Description = "raw SQLite insert + update, one transaction")]
    public void InsertAndUpdateTransaction() => floor.Commit();

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        floor.Dispose();
        await database.DisposeAsync();
    }
}
