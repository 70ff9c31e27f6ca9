using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Streamis.Workflows.Plugins.Linkis;
using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.Sdk.Plugins;
using Streamis.Workflows.Simulation;

namespace Streamis.Workflows.Plugins.Yarn.Tests;

/// <summary>Both plugins in one service collection, as in a host, against one simulated Linkis + YARN.</summary>
public sealed class YarnPluginTests : IDisposable
{
    private readonly LinkisSimulation linkis = LinkisSimulation.Start();
    private readonly List<ServiceProvider> providers = [];

    private ServiceProvider Host(params (string Key, string Value)[] yarn)
    {
        var values = new Dictionary<string, string?>
        {
            ["Plugins:linkis:GatewayUrl"] = linkis.Url,
            ["Plugins:linkis:TokenCode"] = linkis.Options.TokenCode,
            ["Plugins:linkis:StatusPollInterval"] = "0.02",
            ["Plugins:linkis:RequestTimeout"] = "5",
        };
        foreach (var (key, value) in yarn) values["Plugins:yarn:" + key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        new LinkisPlugin().ConfigureServices(services, Context("linkis", configuration));
        new YarnPlugin().ConfigureServices(services, Context("yarn", configuration));
        var provider = services.BuildServiceProvider();
        providers.Add(provider);
        return provider;
    }

    private static PluginContext Context(string name, IConfiguration configuration) =>
        new(name, AppContext.BaseDirectory, configuration.GetSection("Plugins:" + name), new Version(1, 0, 0), Path.GetTempPath());

    private static IJobLogFetcher YarnLogs(IServiceProvider provider) =>
        provider.GetServices<IJobLogFetcher>().Single(f => f.Engine == "linkis-flink" && f.LogTypes.Contains("yarn"));

    private async Task<JobHandle> LaunchAsync(IServiceProvider provider)
    {
        var handle = await provider.GetRequiredService<IJobLauncher>().LaunchAsync(new JobLaunchRequest(7, 42, "demo", "orders", "flink.sql", "v00001", "alice",
            """{"type":"sql","sql":"SELECT 1"}""", new Dictionary<string, string>(), [], null, Guid.NewGuid().ToString()), CancellationToken.None);
        var application = linkis.LastEngineConn.Application;
        for (var i = 1; i <= 10; i++) application.AppendLog($"2024-05-01 12:00:{i:D2}.000 {(i == 7 ? "ERROR" : "INFO ")} JobMaster - step {i}");
        return handle;
    }

    [Fact]
    public async Task With_a_resource_manager_the_log_comes_from_the_application_master_container()
    {
        var provider = Host(("ResourceManagerUrl", linkis.ResourceManagerUrl));
        var handle = await LaunchAsync(provider);

        var page = await YarnLogs(provider).FetchAsync(handle, new JobLogRequest("yarn", FromLine: 2, PageSize: 3), CancellationToken.None);
        var errors = await YarnLogs(provider).FetchAsync(handle, new JobLogRequest("yarn", OnlyKeywords: "ERROR"), CancellationToken.None);
        var tail = await YarnLogs(provider).FetchAsync(handle, new JobLogRequest("yarn", LastRows: 2), CancellationToken.None);

        Assert.Equal(["step 1", "step 2", "step 3"], page.Lines.Select(l => l[(l.IndexOf("step", StringComparison.Ordinal))..]));
        Assert.Equal(4, page.EndLine);
        Assert.False(page.IsEnd);
        Assert.EndsWith($"/logs/{LinkisSimulation.ApplicationMasterLog}", page.LogPath);
        Assert.Equal(["2024-05-01 12:00:07.000 ERROR JobMaster - step 7"], errors.Lines);
        Assert.Equal(["step 9", "step 10"], tail.Lines.Select(l => l[(l.IndexOf("step", StringComparison.Ordinal))..]));
        Assert.NotEmpty(linkis.RequestsTo(LinkisCalls.YarnAppAttempts));
        Assert.Empty(linkis.RequestsTo(LinkisCalls.EngineConnYarnLog));
    }

    [Fact]
    public async Task Through_Linkis_the_ECM_fetches_the_yarn_log_with_the_application_id()
    {
        var provider = Host(("GatewayUrl", linkis.Url), ("TokenCode", linkis.Options.TokenCode));
        var handle = await LaunchAsync(provider);

        var page = await YarnLogs(provider).FetchAsync(handle, new JobLogRequest("yarn", PageSize: 100, IgnoreKeywords: "INFO"), CancellationToken.None);

        Assert.Equal(["2024-05-01 12:00:07.000 ERROR JobMaster - step 7"], page.Lines);
        var call = Assert.Single(linkis.RequestsTo(LinkisCalls.EngineConnYarnLog));
        Assert.Equal(handle.Get("applicationId"), call.Parameters!["yarnApplicationId"]!.GetValue<string>());
        Assert.Equal(linkis.ManagerInstance, call.Json!["instance"]!.GetValue<string>());
        Assert.EndsWith($"yarn_{handle.Get("applicationId")}", page.LogPath);
    }

    [Fact]
    public async Task A_log_not_aggregated_yet_is_explained_and_older_Linkis_is_refused_clearly()
    {
        var provider = Host(("GatewayUrl", linkis.Url), ("TokenCode", linkis.Options.TokenCode));
        var handle = await LaunchAsync(provider);
        linkis.LastEngineConn.Application.LogsAggregated = false;

        var waiting = await Assert.ThrowsAnyAsync<Exception>(() => YarnLogs(provider).FetchAsync(handle, new JobLogRequest("yarn"), CancellationToken.None));
        var old = Host(("GatewayUrl", linkis.Url), ("TokenCode", linkis.Options.TokenCode), ("LinkisVersion", "1.1.2"));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => YarnLogs(old).FetchAsync(handle, new JobLogRequest("yarn"), CancellationToken.None));

        Assert.Contains("log aggregation has not completed or is not enabled", waiting.Message);
        Assert.Contains("Linkis 1.1.2 cannot fetch YARN logs", refused.Message);
        Assert.Contains("Plugins:yarn:ResourceManagerUrl", refused.Message);
    }

    [Fact]
    public async Task The_log_of_a_failed_task_stays_viewable()
    {
        var provider = Host(("ResourceManagerUrl", linkis.ResourceManagerUrl));
        var handle = await LaunchAsync(provider);
        linkis.LastEngineConn.Application.SetState("FAILED", "FAILED");
        linkis.LoseEngineConn(linkis.LastEngineConn.Instance);

        var page = await YarnLogs(provider).FetchAsync(handle, new JobLogRequest("yarn", LastRows: 1), CancellationToken.None);

        Assert.Contains("step 10", Assert.Single(page.Lines));
    }

    [Fact]
    public async Task A_job_Linkis_calls_failed_while_YARN_says_succeeded_is_shown_completed()
    {
        var provider = Host(("ResourceManagerUrl", linkis.ResourceManagerUrl));
        var handle = await LaunchAsync(provider);
        linkis.LastEngineConn.Status = "Failed";
        linkis.LastEngineConn.Application.SetState("FINISHED", "SUCCEEDED");

        var report = await provider.GetRequiredService<IJobLauncher>().GetStatusAsync(handle, CancellationToken.None);

        Assert.Equal(StreamTaskStatus.Completed, report.Status);
        Assert.Equal("FINISHED", report.Metrics!["yarnState"]);
        Assert.Contains("YARN application", report.Message);
    }

    [Fact]
    public async Task A_job_failed_on_both_sides_stays_failed_with_YARN_state_shown()
    {
        var provider = Host(("ResourceManagerUrl", linkis.ResourceManagerUrl));
        var handle = await LaunchAsync(provider);
        linkis.LastEngineConn.Status = "Failed";
        linkis.LastEngineConn.Application.SetState("FAILED", "FAILED");

        var report = await provider.GetRequiredService<IJobLauncher>().GetStatusAsync(handle, CancellationToken.None);

        Assert.Equal(StreamTaskStatus.Failed, report.Status);
        Assert.Contains("FAILED/FAILED", report.Message);
    }

    [Theory]
    [InlineData("FINISHED", "SUCCEEDED", StreamTaskStatus.Completed)]
    [InlineData("FINISHED", "FAILED", StreamTaskStatus.Failed)]
    [InlineData("FAILED", "FAILED", StreamTaskStatus.Failed)]
    [InlineData("KILLED", "KILLED", StreamTaskStatus.Stopped)]
    [InlineData("RUNNING", "UNDEFINED", null)]
    public void YARN_states_map_to_task_statuses(string state, string finalStatus, StreamTaskStatus? expected) =>
        Assert.Equal(expected, YarnApplicationReporter.StatusOf(state, finalStatus));

    [Fact]
    public async Task A_resource_manager_that_fails_is_a_transient_error_and_an_unknown_application_has_no_report()
    {
        var provider = Host(("ResourceManagerUrl", linkis.ResourceManagerUrl), ("MaxRetries", "1"));
        var handle = await LaunchAsync(provider);
        var reporter = provider.GetRequiredService<IApplicationReporter>();
        linkis.Inject(LinkisCalls.YarnAppAttempts, LinkisFault.ServerError());

        var error = await Assert.ThrowsAnyAsync<Exception>(() => YarnLogs(provider).FetchAsync(handle, new JobLogRequest("yarn"), CancellationToken.None));
        var unknown = await reporter.GetReportAsync(handle with { Properties = new Dictionary<string, string>(handle.Properties) { ["applicationId"] = "application_1_9999" } },
            CancellationToken.None);

        Assert.True(TransientErrors.IsTransient(error));
        Assert.Contains("HTTP 503", error.Message);
        Assert.Equal(2, linkis.RequestsTo(LinkisCalls.YarnAppAttempts).Count);
        Assert.Null(unknown);
    }

    /// <summary>The one outbound call the host-level fault suite (Host.Tests/Faults) cannot reach: its host reads YARN logs from the ResourceManager.</summary>
    [Theory]
    [InlineData("5xx", "HTTP 503", true)]
    [InlineData("timeout", "did not answer", true)]
    [InlineData("cut-off", "not a Linkis message", true)]
    [InlineData("refusal", "Log service closed", false)]
    [InlineData("vanished", "Not exists EngineConn", false)]
    public async Task A_yarn_log_the_ECM_cannot_give_fails_naming_engineConnYarnLog_and_the_problem(string fault, string problem, bool transient)
    {
        var provider = Host(("GatewayUrl", linkis.Url), ("TokenCode", linkis.Options.TokenCode), ("RequestTimeout", "0.5"), ("MaxRetries", "1"));
        var handle = await LaunchAsync(provider);
        linkis.Inject(LinkisCalls.EngineConnYarnLog, fault switch
        {
            "5xx" => LinkisFault.ServerError(503),
            "timeout" => LinkisFault.Timeout(),
            "cut-off" => LinkisFault.CarriedOutThenTruncated(),
            "refusal" => LinkisFault.LinkisError($"Log service closed, token: {linkis.Options.TokenCode}"),
            _ => LinkisFault.EngineConnVanished(),
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => YarnLogs(provider).FetchAsync(handle, new JobLogRequest("yarn"), CancellationToken.None));

        Assert.Contains("engineConnYarnLog", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.DoesNotContain(linkis.Options.TokenCode, error.Message);
        Assert.Equal(transient, TransientErrors.IsTransient(error));
    }

    [Fact]
    public async Task A_yarn_log_call_that_fails_once_is_retried_by_the_client()
    {
        var provider = Host(("GatewayUrl", linkis.Url), ("TokenCode", linkis.Options.TokenCode), ("RequestTimeout", "0.5"), ("MaxRetries", "1"));
        var handle = await LaunchAsync(provider);
        linkis.Inject(LinkisCalls.EngineConnYarnLog, LinkisFault.ServerError(502), times: 1);

        var page = await YarnLogs(provider).FetchAsync(handle, new JobLogRequest("yarn"), CancellationToken.None);

        Assert.Contains(page.Lines, line => line.Contains("step 7", StringComparison.Ordinal));
        Assert.Equal(2, linkis.RequestsTo(LinkisCalls.EngineConnYarnLog).Count);
    }

    [Fact]
    public void Without_configuration_a_yarn_log_request_says_what_to_set_and_bad_settings_are_named()
    {
        var provider = Host();
        var error = Assert.Throws<InvalidOperationException>(() =>
            YarnLogs(provider).FetchAsync(new JobHandle("linkis-flink", "x", new Dictionary<string, string>()), new JobLogRequest("yarn"), CancellationToken.None).GetAwaiter().GetResult());
        var bad = Assert.Throws<InvalidOperationException>(() => Host(("GatewayUrl", "not a url"), ("RequestTimeout", "soon")));

        Assert.Contains("set Plugins:yarn:ResourceManagerUrl", error.Message);
        Assert.Empty(provider.GetServices<IApplicationReporter>());
        Assert.Contains("Plugins:yarn:GatewayUrl must be an http:// or https:// address", bad.Message);
        Assert.Contains("Plugins:yarn:RequestTimeout must be a positive duration", bad.Message);
    }

    public void Dispose()
    {
        foreach (var provider in providers) provider.Dispose();
        linkis.Dispose();
    }
}
