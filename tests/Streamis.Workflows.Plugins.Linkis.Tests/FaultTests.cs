using System.Diagnostics;
using Streamis.Workflows.Plugins.Linkis.Tests.Support;
using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.Simulation;

namespace Streamis.Workflows.Plugins.Linkis.Tests;

public sealed class FaultTests : LinkisPluginTest
{
    [Fact]
    public async Task A_5xx_on_a_read_is_retried_by_the_client()
    {
        var handle = await LaunchAsync();
        Linkis.ClearRequests();
        Linkis.Inject(LinkisCalls.GetEngineConn, LinkisFault.ServerError(502), times: 2);

        var report = await Launcher.GetStatusAsync(handle, None);

        Assert.Equal(StreamTaskStatus.Running, report.Status);
        Assert.Equal(3, Linkis.RequestsTo(LinkisCalls.GetEngineConn).Count);
    }

    [Fact]
    public async Task A_5xx_that_persists_is_a_transient_error_naming_the_call_and_the_answer()
    {
        var handle = await LaunchAsync();
        Linkis.Inject(LinkisCalls.GetEngineConn, LinkisFault.ServerError(503));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Launcher.GetStatusAsync(handle, None));

        Assert.True(TransientErrors.IsTransient(error));
        Assert.Contains("answered getEngineConn with HTTP 503", error.Message);
        // One poll during the launch, then the first try and two retries.
        Assert.Equal(4, Linkis.RequestsTo(LinkisCalls.GetEngineConn).Count);
    }

    [Fact]
    public async Task A_5xx_on_create_is_never_retried_and_says_the_outcome_is_not_known_twice()
    {
        Linkis.Inject(LinkisCalls.CreateEngineConn, LinkisFault.ServerError(503));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => LaunchAsync());

        Assert.Single(Linkis.RequestsTo(LinkisCalls.CreateEngineConn));
        Assert.Contains("createEngineConn with HTTP 503", error.Message);
        Assert.Empty(Linkis.EngineConns);
    }

    [Fact]
    public async Task A_call_that_hangs_ends_at_the_time_out_and_a_create_that_hangs_is_not_repeated()
    {
        Reconfigure(("RequestTimeout", "0.5"), ("MaxRetries", "1"));
        var handle = await LaunchAsync();
        Linkis.Inject(LinkisCalls.GetEngineConn, LinkisFault.Timeout());
        Linkis.Inject(LinkisCalls.CreateEngineConn, LinkisFault.Timeout());
        var clock = Stopwatch.StartNew();

        var status = await Assert.ThrowsAnyAsync<Exception>(() => Launcher.GetStatusAsync(handle, None));
        var launch = await Assert.ThrowsAnyAsync<Exception>(() => LaunchAsync());

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.True(TransientErrors.IsTransient(status));
        Assert.Contains("did not answer within", status.Message);
        Assert.Equal(3, Linkis.RequestsTo(LinkisCalls.GetEngineConn).Count); // one poll at launch, then a try and its one retry
        Assert.False(TransientErrors.IsTransient(launch));
        Assert.Contains("createEngineConn; createEngineConn is not sent twice", launch.Message);
        Assert.Equal(2, Linkis.RequestsTo(LinkisCalls.CreateEngineConn).Count);
    }

    [Fact]
    public async Task Malformed_json_is_a_transient_error_quoting_what_came_back()
    {
        Reconfigure(("MaxRetries", "0"));
        var handle = await LaunchAsync();
        Linkis.Inject(LinkisCalls.GetEngineConn, LinkisFault.MalformedJson());

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Launcher.GetStatusAsync(handle, None));

        Assert.True(TransientErrors.IsTransient(error));
        Assert.Contains("a body that is not a Linkis message", error.Message);
        Assert.Contains("\"status\":0", error.Message);
    }

    [Fact]
    public async Task A_refused_token_is_explained_without_showing_it()
    {
        Linkis.Options.TokenCode = "ANOTHER-TOKEN";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => LaunchAsync());

        Assert.Contains("did not accept Token-User alice and the configured Token-Code", error.Message);
        Assert.Contains("Token Authentication Failed, token: ***", error.Message);
        Assert.False(TransientErrors.IsTransient(error));
        Linkis.Options.TokenCode = "SIM-AUTH";
        AssertTokenNeverShown(error);
    }

    [Fact]
    public async Task Latency_is_waited_for_within_the_time_out()
    {
        var handle = await LaunchAsync();
        Linkis.SetLatency(LinkisCalls.GetEngineConn, TimeSpan.FromMilliseconds(300));

        var report = await Launcher.GetStatusAsync(handle, None);

        Assert.Equal(StreamTaskStatus.Running, report.Status);
    }

    [Fact]
    public async Task An_unreachable_gateway_is_transient_even_for_a_create()
    {
        var url = Linkis.Url;
        Linkis.Dispose();
        Reconfigure(("GatewayUrl", url), ("MaxRetries", "0"));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => LaunchAsync());

        Assert.True(TransientErrors.IsTransient(error));
        Assert.Contains("could not be reached", error.Message);
    }

    [Fact]
    public async Task No_error_or_log_line_ever_carries_the_token()
    {
        var errors = new List<Exception>();
        Linkis.Inject(LinkisCalls.GetEngineConn, LinkisFault.LinkisError($"bad things, token: {Linkis.Options.TokenCode}"));
        errors.Add(await Assert.ThrowsAnyAsync<Exception>(() => LaunchAsync()));
        Linkis.ClearFaults();
        var handle = await LaunchAsync();
        Linkis.Inject(LinkisCalls.Savepoint, LinkisFault.MalformedJson());
        errors.Add(await Assert.ThrowsAnyAsync<Exception>(() => Launcher.TriggerSavepointAsync(handle, null, None)));
        Linkis.Inject(LinkisCalls.Any, LinkisFault.ServerError());
        errors.Add(await Assert.ThrowsAnyAsync<Exception>(() => Launcher.GetStatusAsync(handle, None)));

        Assert.Contains("token: ***", errors[0].Message);
        AssertTokenNeverShown([.. errors]);
    }
}
