using System.Net;
using System.Text.RegularExpressions;
using Streamis.Workflows.Host.Tests.Support;

namespace Streamis.Workflows.Host.Tests.Api;

public class MetricsTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Metrics_count_started_completed_and_faulted_runs_and_time_activities()
    {
        // Definition ids of their own, so other hosts in this test process cannot move these series.
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var admin = fixture.Host.ClientFor("admin");
        (await admin.PostJsonAsync("/api/workflows/definitions?publish=true",
            """{"id": "m-ok-SUFFIX", "name": "ok", "root": {"id": "say", "type": "Log", "inputs": {"message": "hi"}}}""".Replace("SUFFIX", suffix))).EnsureSuccessStatusCode();
        (await admin.PostJsonAsync("/api/workflows/definitions?publish=true",
            """{"id": "m-bad-SUFFIX", "name": "bad", "root": {"id": "boom", "type": "Fail", "inputs": {"message": "no"}}}""".Replace("SUFFIX", suffix))).EnsureSuccessStatusCode();
        var operatorClient = fixture.Host.ClientFor("operator");
        for (var i = 0; i < 2; i++)
            await (await operatorClient.PostJsonAsync("/api/workflows/instances", $$"""{"definitionId": "m-ok-{{suffix}}", "wait": true}""")).JsonAsync(HttpStatusCode.OK);
        await (await operatorClient.PostJsonAsync("/api/workflows/instances", $$"""{"definitionId": "m-bad-{{suffix}}", "wait": true}""")).JsonAsync(HttpStatusCode.OK);

        var text = await (await fixture.Host.ClientFor("viewer").GetAsync("/metrics")).Content.ReadAsStringAsync();

        Assert.Equal(2, Value(text, "streamis_workflows_started_total", $"definition=\"m-ok-{suffix}\""));
        Assert.Equal(2, Value(text, "streamis_workflows_completed_total", $"definition=\"m-ok-{suffix}\""));
        Assert.Equal(1, Value(text, "streamis_workflows_started_total", $"definition=\"m-bad-{suffix}\""));
        Assert.Equal(1, Value(text, "streamis_workflows_faulted_total", $"definition=\"m-bad-{suffix}\""));
        Assert.True(Value(text, "streamis_activity_duration_count", "activity_type=\"Log\",result=\"Completed\"") >= 2);
        Assert.True(Value(text, "streamis_activity_duration_count", "activity_type=\"Fail\",result=\"Faulted\"") >= 1);
        Assert.Contains("# TYPE streamis_queue_due gauge", text);
    }

    private static double Value(string text, string name, string labels)
    {
        var match = Regex.Match(text, $@"(?m)^{Regex.Escape(name)}\{{{Regex.Escape(labels)}\}} (\S+)$");
        Assert.True(match.Success, $"no {name}{{{labels}}} in:\n{text}");
        return double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
