using Streamis.Workflows.Plugins.Local.Tests.Support;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Local.Tests;

public sealed class StateFetcherTests : LocalEngineTest
{
    private static readonly DateTime Noon = new(2025, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_job_without_states_has_none()
    {
        Assert.Null(await States.FindLatestAsync(Query(50), JobStateKind.Checkpoint, CancellationToken.None));
        Assert.Null(await States.FindLatestAsync(Query(50), JobStateKind.Savepoint, CancellationToken.None));
    }

    [Fact]
    public async Task The_newest_state_of_the_job_wins_by_modification_time_across_its_tasks()
    {
        State(51, "checkpoints/1/chk-9", Noon);
        var newest = State(51, "checkpoints/2/chk-1", Noon.AddMinutes(5));
        State(51, "checkpoints/3/chk-1", Noon.AddMinutes(1));
        Directory.CreateDirectory(Path.Combine(DataDirectory, "jobs", "51", "checkpoints", "3", "chk-2")); // being written: no _metadata yet
        State(51, "checkpoints/3/not-a-checkpoint", Noon.AddHours(1));
        var savepoint = State(51, "savepoints/1/savepoint-1-abc", Noon.AddMinutes(2));
        State(51, "savepoints/1/savepoint-1-abc.tmp", Noon.AddHours(1));
        State(52, "checkpoints/1/chk-1", Noon.AddHours(2)); // another job's

        var checkpoint = await States.FindLatestAsync(Query(51), JobStateKind.Checkpoint, CancellationToken.None);
        var latestSavepoint = await States.FindLatestAsync(Query(51), JobStateKind.Savepoint, CancellationToken.None);

        Assert.Equal(new JobState(JobStateKind.Checkpoint, newest, new DateTimeOffset(Noon.AddMinutes(5))), checkpoint);
        Assert.Equal(new JobState(JobStateKind.Savepoint, savepoint, new DateTimeOffset(Noon.AddMinutes(2))), latestSavepoint);
    }

    [Fact]
    public async Task A_state_exists_when_its_metadata_does()
    {
        var metadata = State(53, "savepoints/1/savepoint-1-abc", Noon);
        Directory.CreateDirectory(Path.Combine(DataDirectory, "jobs", "53", "savepoints", "1", "savepoint-1-empty"));

        Assert.True(await States.ExistsAsync(Query(53), metadata, CancellationToken.None));
        Assert.True(await States.ExistsAsync(Query(53), Path.GetDirectoryName(metadata)!, CancellationToken.None));
        Assert.True(await States.ExistsAsync(Query(53), "savepoints/1/savepoint-1-abc", CancellationToken.None));
        Assert.True(await States.ExistsAsync(Query(53), new Uri(metadata).AbsoluteUri, CancellationToken.None));
        Assert.False(await States.ExistsAsync(Query(53), "savepoints/1/savepoint-1-empty", CancellationToken.None));
        Assert.False(await States.ExistsAsync(Query(53), "savepoints/1/savepoint-1-missing/_metadata", CancellationToken.None));
        Assert.False(await States.ExistsAsync(Query(53), "output/events.txt", CancellationToken.None));
    }

    private string State(long jobId, string relative, DateTime written)
    {
        var folder = Path.Combine(DataDirectory, "jobs", jobId.ToString(System.Globalization.CultureInfo.InvariantCulture), relative);
        Directory.CreateDirectory(folder);
        var metadata = Path.Combine(folder, "_metadata");
        File.WriteAllText(metadata, "{}");
        File.SetLastWriteTimeUtc(metadata, written);
        return metadata;
    }
}
