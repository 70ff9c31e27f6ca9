using System.Net;
using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Tests.Support;

namespace Streamis.Workflows.Host.Tests.Logging;

/// <summary>The host's CLEF log under &lt;DataDirectory&gt;/logs: what it says about workflows, and what it never says.</summary>
public class HostLogTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly HostFactory host = new();

    private string LogDirectory => Path.Combine(host.DataDirectory, "logs");

    /// <summary>Every line of every log file so far (the sink writes through, so nothing waits in a buffer).</summary>
    private List<string> Lines()
    {
        if (!Directory.Exists(LogDirectory)) return [];
        var lines = new List<string>();
        foreach (var file in Directory.GetFiles(LogDirectory, "*.clef"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
                if (line.Length > 0) lines.Add(line);
        }
        return lines;
    }

    private List<JsonObject> Events() => Lines().Select(l => JsonNode.Parse(l)!.AsObject()).ToList();

    /// <summary>Reads the log until an event matches; fails with what was logged otherwise.</summary>
    private async Task<JsonObject> EventAsync(Func<JsonObject, bool> match, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var found = Events().FirstOrDefault(match);
            if (found is not null) return found;
            if (DateTime.UtcNow > deadline) Assert.Fail($"no log event {what} in {LogDirectory}:\n{string.Join("\n", Lines().TakeLast(30))}");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task The_log_of_a_run_holds_no_token_code()
    {
        var admin = host.ClientFor("admin");
        var id = TestWorkflows.UniqueId("secrets");
        await admin.SaveDefinitionAsync(TestWorkflows.Failing(id));
        await host.ClientFor("operator").StartAndWaitAsync(id);
        await host.ClientFor("viewer").GetAsync("/api/workflows/instances");
        await host.ClientFor("viewer").GetAsync("/api/plugins");
        var bearer = host.CreateClient();
        bearer.DefaultRequestHeaders.Add("Authorization", "Bearer admin-code");
        await bearer.GetAsync("/api/workflows/definitions");
        var wrong = host.CreateClient();
        wrong.DefaultRequestHeaders.Add("Token-User", "admin");
        wrong.DefaultRequestHeaders.Add("Token-Code", "a-guessed-code");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/workflows/definitions")).StatusCode);

        // The faulted instance's warning is among the last things logged: once it is there, the run is in the log.
        await EventAsync(e => (string?)e["@mt"] == "Instance {InstanceId} faulted: {Incident}", "for the faulted instance");
        var lines = Lines();
        Assert.Contains(lines, l => l.Contains("/api/workflows/instances", StringComparison.Ordinal));
        foreach (var secret in new[] { "admin-code", "operator-code", "viewer-code", "a-guessed-code" })
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Runtime_events_about_an_instance_carry_its_instance_and_definition_ids()
    {
        var id = TestWorkflows.UniqueId("faulty");
        await host.ClientFor("admin").SaveDefinitionAsync(TestWorkflows.Failing(id, "nothing to restart"));

        var instanceId = (string)(await host.ClientFor("operator").StartAndWaitAsync(id))["summary"]!["id"]!;

        var warning = await EventAsync(e => (string?)e["@mt"] == "Instance {InstanceId} faulted: {Incident}" && (string?)e["InstanceId"] == instanceId,
            $"for instance {instanceId} faulting");
        Assert.Equal("Warning", (string?)warning["@l"]);
        Assert.Equal(id, (string?)warning["DefinitionId"]);
        Assert.Equal("nothing to restart", (string?)warning["Incident"]);
    }

    [Fact]
    public async Task A_log_activity_writes_to_the_host_log_with_instance_definition_and_activity_ids()
    {
        var id = TestWorkflows.UniqueId("logged");
        await host.ClientFor("admin").SaveDefinitionAsync("""
            {"id": "@id", "name": "Logged",
             "inputs": [{"name": "job", "type": "string", "required": true}],
             "root": {"id": "steps", "type": "Sequence", "activities": [
               {"id": "announce", "type": "Log", "inputs": {"message": {"expression": "restarting {{ input.job }}"}, "level": "Warning"}},
               {"id": "pause", "type": "Delay", "inputs": {"duration": "00:00:00.050"}},
               {"id": "report", "type": "Log", "inputs": {"message": {"expression": "restarted {{ input.job }}"}}}
             ]}}
            """.Replace("@id", id));
        var job = TestWorkflows.UniqueId("job");

        var instanceId = await host.ClientFor("operator").StartAsync(id, new { job });
        await host.ClientFor("operator").WaitForStatusAsync(instanceId, "Completed");

        var announce = await EventAsync(e => (string?)e["Message"] == $"restarting {job}", "from the announce step");
        Assert.Equal(("Warning", instanceId, id, "announce"),
            ((string?)announce["@l"], (string?)announce["InstanceId"], (string?)announce["DefinitionId"], (string?)announce["ActivityId"]));
        Assert.Equal("Workflow log: {Message}", (string?)announce["@mt"]);
        // After a timer resumed the instance (a new run, maybe on another worker), the ids are still there.
        var report = await EventAsync(e => (string?)e["Message"] == $"restarted {job}", "from the report step");
        Assert.Null(report["@l"]);
        Assert.Equal((instanceId, id, "report"), ((string?)report["InstanceId"], (string?)report["DefinitionId"], (string?)report["ActivityId"]));
        // The journal has the messages too.
        var journal = await host.ClientFor("viewer").GetFromJsonArrayAsync($"/api/workflows/instances/{instanceId}/journal");
        Assert.Contains(journal, l => (string?)l!["message"] == $"restarting {job}" && (string?)l["severity"] == "Warning");
    }

    [Fact]
    public async Task Events_outside_an_activity_do_not_claim_one()
    {
        var id = TestWorkflows.UniqueId("outside");
        await host.ClientFor("admin").SaveDefinitionAsync(TestWorkflows.Failing(id));

        var instanceId = (string)(await host.ClientFor("operator").StartAndWaitAsync(id))["summary"]!["id"]!;

        var warning = await EventAsync(e => (string?)e["@mt"] == "Instance {InstanceId} faulted: {Incident}" && (string?)e["InstanceId"] == instanceId,
            $"for instance {instanceId} faulting");
        Assert.Null(warning["ActivityId"]);
        var request = await EventAsync(e => ((string?)e["@mt"])?.StartsWith("HTTP ", StringComparison.Ordinal) == true, "for a request");
        Assert.Null(request["ActivityId"]);
        Assert.Null(request["InstanceId"]);
    }

    public void Dispose() => host.Dispose();
}
