using Streamis.Workflows.Plugins.Linkis.Tests.Support;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.Simulation;

namespace Streamis.Workflows.Plugins.Linkis.Tests;

public sealed class ConcurrencyTests : LinkisPluginTest
{
    [Fact]
    public async Task Many_parallel_launches_each_get_their_own_EngineConn_and_status()
    {
        Linkis.SetLatency(LinkisCalls.Any, TimeSpan.FromMilliseconds(5));
        using var gate = new SemaphoreSlim(30);

        var handles = await Task.WhenAll(Enumerable.Range(1, 300).Select(async task =>
        {
            await gate.WaitAsync();
            try
            {
                return await LaunchAsync(SqlJob(task));
            }
            finally
            {
                gate.Release();
            }
        }));
        var statuses = await Task.WhenAll(handles.Select(handle => Launcher.GetStatusAsync(handle, None)));

        Assert.Equal(300, Linkis.EngineConnCount);
        Assert.Equal(300, handles.Select(h => h.Get("engineConnInstance")).Distinct().Count());
        Assert.Equal(300, handles.Select(h => h.Get("applicationId")).Distinct().Count());
        Assert.All(statuses, status => Assert.Equal(StreamTaskStatus.Running, status.Status));
        Assert.Equal(Enumerable.Range(1, 300).Select(t => $"hdfs:///flink/flink-savepoints/demo/orders/{t}"), handles.Select(h => h.Get("savepointDirectory")));
    }
}
