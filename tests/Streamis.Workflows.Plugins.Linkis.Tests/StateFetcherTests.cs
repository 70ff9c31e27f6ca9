using Streamis.Workflows.Plugins.Linkis.Tests.Support;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.Simulation;

namespace Streamis.Workflows.Plugins.Linkis.Tests;

public sealed class StateFetcherTests : LinkisPluginTest
{
    private static readonly DateTimeOffset Noon = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static JobStateQuery Query(JobHandle? handle = null) => new(7, "demo", "orders", "alice", new Dictionary<string, string>(), handle);

    [Fact]
    public async Task The_newest_checkpoint_is_found_in_nested_folders_across_tasks()
    {
        Linkis.Files.AddFile("hdfs:///flink/flink-checkpoints/demo/orders/41/a1b2/chk-7/_metadata", Noon.AddMinutes(-5));
        Linkis.Files.AddFile("hdfs:///flink/flink-checkpoints/demo/orders/41/a1b2/chk-8/_metadata", Noon.AddMinutes(1));
        Linkis.Files.AddFile("hdfs:///flink/flink-checkpoints/demo/orders/42/c3d4/chk-2/_metadata", Noon);
        Linkis.Files.AddFile("hdfs:///flink/flink-checkpoints/demo/orders/42/c3d4/shared/data-1", Noon.AddHours(1));
        Linkis.Files.AddFile("hdfs:///flink/flink-checkpoints/demo/orders/42/c3d4/chk-3/other", Noon.AddHours(1));

        var state = await States.FindLatestAsync(Query(), JobStateKind.Checkpoint, None);

        Assert.Equal(new JobState(JobStateKind.Checkpoint, "hdfs:///flink/flink-checkpoints/demo/orders/41/a1b2/chk-8/_metadata", Noon.AddMinutes(1)), state);
        var listed = Linkis.RequestsTo(LinkisCalls.DirFileTrees).Select(r => Uri.UnescapeDataString(r.PathAndQuery.Split("path=")[1])).ToList();
        Assert.Contains("hdfs:///flink/flink-checkpoints/demo/orders", listed);
        Assert.DoesNotContain(listed, path => path.EndsWith("/shared", StringComparison.Ordinal));
        Assert.All(Linkis.RequestsTo(LinkisCalls.DirFileTrees), r => Assert.Equal("alice", r.Header("Token-User")));
    }

    [Fact]
    public async Task The_newest_savepoint_matches_the_savepoint_pattern_only()
    {
        Linkis.Files.AddFile("hdfs:///flink/flink-savepoints/demo/orders/42/savepoint-ab12-cd34ef/_metadata", Noon);
        Linkis.Files.AddFile("hdfs:///flink/flink-savepoints/demo/orders/42/not-a-savepoint/_metadata", Noon.AddHours(2));
        Linkis.Files.AddFile("hdfs:///flink/flink-savepoints/demo/orders/40/savepoint-0000-aaaa/_metadata", Noon.AddMinutes(-1));

        var state = await States.FindLatestAsync(Query(), JobStateKind.Savepoint, None);

        Assert.Equal("hdfs:///flink/flink-savepoints/demo/orders/42/savepoint-ab12-cd34ef/_metadata", state!.Location);
    }

    [Fact]
    public async Task Task_scope_looks_in_the_handle_task_folder_only_and_the_authority_is_put_back()
    {
        var handle = await LaunchAsync(SqlJob(43));
        Reconfigure(("StateSearchScope", "Task"), ("StateAuthority", "nameservice1"));
        Linkis.Files.AddFile("hdfs:///flink/flink-savepoints/demo/orders/43/savepoint-aa-bb/_metadata", Noon);
        Linkis.Files.AddFile("hdfs:///flink/flink-savepoints/demo/orders/44/savepoint-cc-dd/_metadata", Noon.AddHours(1));

        var state = await States.FindLatestAsync(Query(handle), JobStateKind.Savepoint, None);

        Assert.Equal("hdfs://nameservice1/flink/flink-savepoints/demo/orders/43/savepoint-aa-bb/_metadata", state!.Location);
    }

    [Fact]
    public async Task Dots_in_names_become_folders_and_a_job_without_state_has_none()
    {
        Linkis.Files.AddFile("hdfs:///flink/flink-savepoints/my/proj/orders/v2/5/savepoint-aa-bb/_metadata", Noon);

        var found = await States.FindLatestAsync(new JobStateQuery(7, "my.proj", "orders.v2", "alice", new Dictionary<string, string>(), null), JobStateKind.Savepoint, None);
        var none = await States.FindLatestAsync(Query(), JobStateKind.Checkpoint, None);

        Assert.Equal("hdfs:///flink/flink-savepoints/my/proj/orders/v2/5/savepoint-aa-bb/_metadata", found!.Location);
        Assert.Null(none);
    }

    [Fact]
    public async Task Configured_roots_and_patterns_are_used()
    {
        Reconfigure(("CheckpointDirectory", "/state/ckp"), ("CheckpointPattern", @"^.+/chk-\d+/_metadata$"), ("StateScheme", "viewfs"));
        Linkis.Files.AddFile("viewfs:///state/ckp/demo/orders/9/chk-1/_metadata", Noon);

        var state = await States.FindLatestAsync(Query(), JobStateKind.Checkpoint, None);

        Assert.Equal("viewfs:///state/ckp/demo/orders/9/chk-1/_metadata", state!.Location);
    }

    [Fact]
    public async Task Checkpoints_a_running_job_writes_into_its_launch_folder_are_found()
    {
        await LaunchAsync(SqlJob(50, new Dictionary<string, string> { ["wds.linkis.flink.checkpoint.switch"] = "ON" }));
        Linkis.WriteCheckpoint(Linkis.LastEngineConn, 1, Noon);
        var second = Linkis.WriteCheckpoint(Linkis.LastEngineConn, 2, Noon.AddSeconds(30));

        var state = await States.FindLatestAsync(Query(), JobStateKind.Checkpoint, None);

        Assert.Equal(second, state!.Location);
        Assert.StartsWith("hdfs:///flink/flink-checkpoints/demo/orders/50/", second);
    }

    [Fact]
    public async Task A_state_path_given_by_a_user_is_checked()
    {
        Linkis.Files.AddFile("hdfs:///manual/savepoint-aa-bb/_metadata", Noon);

        Assert.True(await States.ExistsAsync(Query(), "hdfs:///manual/savepoint-aa-bb", None));
        Assert.True(await States.ExistsAsync(Query(), "hdfs:///manual/savepoint-aa-bb/_metadata", None));
        Assert.False(await States.ExistsAsync(Query(), "hdfs:///manual/savepoint-zz", None));
    }

    [Fact]
    public async Task A_filesystem_refusal_is_reported()
    {
        Linkis.Inject(LinkisCalls.DirFileTrees, LinkisFault.LinkisError("error code(错误码): 80010, error message(错误信息): The user does not have permission to view the contents of the directory(该用户无权限查看该目录的内容)."));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => States.FindLatestAsync(Query(), JobStateKind.Savepoint, None));

        Assert.Contains("getDirFileTrees", error.Message);
        Assert.Contains("80010", error.Message);
    }
}
