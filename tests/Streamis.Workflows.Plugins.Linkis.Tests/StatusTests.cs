using Microsoft.Extensions.DependencyInjection;
using Streamis.Workflows.Plugins.Linkis.Tests.Support;
using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.Simulation;

namespace Streamis.Workflows.Plugins.Linkis.Tests;

public sealed class StatusTests : LinkisPluginTest
{
    private readonly StubReporter reporter = new();

    [Theory]
    [InlineData("Starting", StreamTaskStatus.Running)]
    [InlineData("Unlock", StreamTaskStatus.Running)]
    [InlineData("Locked", StreamTaskStatus.Running)]
    [InlineData("Idle", StreamTaskStatus.Running)]
    [InlineData("Busy", StreamTaskStatus.Running)]
    [InlineData("running", StreamTaskStatus.Running)]
    [InlineData("Success", StreamTaskStatus.Completed)]
    [InlineData("Failed", StreamTaskStatus.Failed)]
    [InlineData("ShuttingDown", StreamTaskStatus.Failed)]
    public async Task The_node_status_maps_as_in_Streamis(string nodeStatus, StreamTaskStatus expected)
    {
        var handle = await LaunchAsync();
        Linkis.LastEngineConn.Status = nodeStatus;

        var report = await Launcher.GetStatusAsync(handle, None);

        Assert.Equal(expected, report.Status);
        Assert.Equal(nodeStatus, report.Metrics!["linkisNodeStatus"]);
        Assert.Equal(Linkis.LastEngineConn.Application.Id, report.ApplicationId);
    }

    [Fact]
    public async Task A_lost_EngineConn_is_failed_with_Streamis_text()
    {
        var handle = await LaunchAsync();
        Linkis.LoseEngineConn(Linkis.LastEngineConn.Instance);

        var report = await Launcher.GetStatusAsync(handle, None);

        Assert.Equal(StreamTaskStatus.Failed, report.Status);
        Assert.Equal("Not exists EngineConn.", report.Message);
    }

    [Fact]
    public async Task Other_Linkis_errors_are_transient_and_name_the_call()
    {
        var handle = await LaunchAsync();
        Linkis.Inject(LinkisCalls.GetEngineConn, LinkisFault.LinkisError("You have no permission to access EngineConn ServiceInstance(linkis-cg-engineconn, x)"));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Launcher.GetStatusAsync(handle, None));

        Assert.True(TransientErrors.IsTransient(error));
        Assert.Contains("getEngineConn", error.Message);
        Assert.Contains("You have no permission to access EngineConn", error.Message);
    }

    [Fact]
    public async Task A_status_Linkis_does_not_define_is_named()
    {
        var handle = await LaunchAsync();
        Linkis.LastEngineConn.Status = "Exploded";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Launcher.GetStatusAsync(handle, None));

        Assert.Contains("nodeStatus 'Exploded'", error.Message);
    }

    [Fact]
    public async Task A_failed_EngineConn_whose_yarn_application_succeeded_is_shown_completed()
    {
        var handle = await LaunchAsync();
        Linkis.LastEngineConn.Status = "Failed";
        reporter.Report = new ApplicationReport(handle.Get("applicationId")!, "FINISHED", "SUCCEEDED", StreamTaskStatus.Completed);

        var report = await Launcher.GetStatusAsync(handle, None);

        Assert.Equal(StreamTaskStatus.Completed, report.Status);
        Assert.Contains("Linkis reports the EngineConn failed, but YARN application", report.Message);
        Assert.Equal("SUCCEEDED", report.Metrics!["yarnFinalStatus"]);
    }

    [Fact]
    public async Task A_running_EngineConn_does_not_ask_YARN()
    {
        var handle = await LaunchAsync();
        reporter.Report = new ApplicationReport("x", "FINISHED", "SUCCEEDED", StreamTaskStatus.Completed);

        var report = await Launcher.GetStatusAsync(handle, None);

        Assert.Equal(StreamTaskStatus.Running, report.Status);
        Assert.Equal(0, reporter.Calls);
    }

    protected override void RegisterMore(IServiceCollection services) => services.AddSingleton<IApplicationReporter>(reporter);

    private sealed class StubReporter : IApplicationReporter
    {
        public ApplicationReport? Report { get; set; }

        public int Calls { get; private set; }

        public string Engine => "linkis-flink";

        public Task<ApplicationReport?> GetReportAsync(JobHandle handle, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(Report);
        }
    }
}
