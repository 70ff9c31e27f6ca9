using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Runtime;

namespace Streamis.Workflows.Benchmarks;

/// <summary>
/// Page 1 (50 rows, with the total count) of 100,000 stored instances, each with a realistic state blob that the
/// listing must not load. Target: under 50 ms.
/// </summary>
[MemoryDiagnoser]
public class InstanceListingBenchmarks
{
    private const int Instances = 100_000;
    private BenchmarkDatabase database = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        database = await BenchmarkDatabase.CreateAsync();
        await using var connection = new SqliteConnection(database.Database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO wf_instances (id, definition_id, definition_version, status, sub_status, correlation_id, created_at, updated_at, finished_at, incident_count, state)
            VALUES ($id, $definition, 1, $status, $sub, $correlation, $created, $created, $finished, 0, $state)
            """;
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var definition = command.Parameters.Add("$definition", SqliteType.Text);
        var status = command.Parameters.Add("$status", SqliteType.Text);
        var sub = command.Parameters.Add("$sub", SqliteType.Text);
        var correlation = command.Parameters.Add("$correlation", SqliteType.Text);
        var created = command.Parameters.Add("$created", SqliteType.Integer);
        var finished = command.Parameters.Add("$finished", SqliteType.Integer);
        command.Parameters.AddWithValue("$state", "{\"instanceId\":\"x\",\"frames\":{},\"scopes\":{}," + new string(' ', 2000) + "}");
        var start = DateTimeOffset.UtcNow.AddDays(-30).ToUnixTimeMilliseconds();
        for (var i = 0; i < Instances; i++)
        {
            id.Value = $"bench-{i:D7}";
            definition.Value = $"def-{i % 20}";
            var done = i % 10 != 0;
            status.Value = done ? "Finished" : "Running";
            sub.Value = done ? "Completed" : "Suspended";
            correlation.Value = $"job-{i % 5000}";
            created.Value = start + i * 20L;
            finished.Value = done ? start + i * 20L + 5 : DBNull.Value;
            await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    [Benchmark(Description = "page 1 of 100,000 instances (50 rows + total)")]
    public Task<InstancePage> FirstPage() => database.Instances.ListAsync(new InstanceQuery(PageSize: 50), default);

    [Benchmark(Description = "page 1 of suspended instances of one definition")]
    public Task<InstancePage> FilteredFirstPage() =>
        database.Instances.ListAsync(new InstanceQuery(DefinitionId: "def-0", Status: WorkflowStatus.Suspended, PageSize: 50), default);

    [GlobalCleanup]
    public Task CleanupAsync() => database.DisposeAsync().AsTask();
}
