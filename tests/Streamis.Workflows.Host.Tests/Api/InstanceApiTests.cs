using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Tests.Support;

namespace Streamis.Workflows.Host.Tests.Api;

public class InstanceApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private readonly HttpClient admin = fixture.Host.ClientFor("admin");
    private readonly HttpClient operatorClient = fixture.Host.ClientFor("operator");

    private async Task<string> PublishAsync(Func<string, string> workflow, string prefix)
    {
        var id = TestWorkflows.UniqueId(prefix);
        await admin.SaveDefinitionAsync(workflow(id));
        return id;
    }

    [Fact]
    public async Task Start_answers_202_with_the_instance_location_and_the_instance_runs()
    {
        var id = await PublishAsync(TestWorkflows.Greeting, "start");

        var response = await operatorClient.PostAsJsonAsync("/api/workflows/instances", new { definitionId = id, input = new { who = "world" } });

        var body = await response.JsonAsync(HttpStatusCode.Accepted);
        var instanceId = (string)body["instanceId"]!;
        Assert.Equal($"/api/workflows/instances/{instanceId}", response.Headers.Location?.OriginalString);
        var details = await operatorClient.WaitForStatusAsync(instanceId, "Completed");
        Assert.Equal("Hello world", (string?)details["output"]!["greeting"]);
        Assert.Equal("world", (string?)details["input"]!["who"]);
    }

    [Fact]
    public async Task Start_with_wait_answers_200_with_the_outputs()
    {
        var id = await PublishAsync(TestWorkflows.Greeting, "wait");

        var response = await operatorClient.PostAsJsonAsync("/api/workflows/instances", new { definitionId = id, input = new { who = "ops" }, wait = true, timeoutSeconds = 60 });

        var body = await response.JsonAsync(HttpStatusCode.OK);
        var instance = body["instance"]!.AsObject();
        Assert.Equal((string?)body["instanceId"], (string?)instance["summary"]!["id"]);
        Assert.Equal("Completed", instance.Status());
        Assert.Equal("Hello ops", (string?)instance["output"]!["greeting"]);
        Assert.Empty(instance["incidents"]!.AsArray());
    }

    [Fact]
    public async Task Start_with_missing_or_wrongly_typed_fields_lists_each_field()
    {
        var missing = await (await operatorClient.PostJsonAsync("/api/workflows/instances", "{}")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([("$.definitionId", "is required")], missing.Errors());

        var wrong = await (await operatorClient.PostJsonAsync("/api/workflows/instances", """
            {"definitionId": 7, "version": "two", "input": ["a"], "correlationId": {}, "wait": "yes", "timeoutSeconds": 0}
            """)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["$.definitionId", "$.version", "$.input", "$.correlationId", "$.wait", "$.timeoutSeconds"], wrong.Errors().Select(e => e.Path));
        Assert.All(wrong.Errors(), e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public async Task Start_of_an_unknown_definition_or_version_is_a_404()
    {
        var unknown = TestWorkflows.UniqueId("nothing");
        var problem = await (await operatorClient.PostAsJsonAsync("/api/workflows/instances", new { definitionId = unknown })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal($"there is no workflow definition \"{unknown}\"", (string?)problem["detail"]);

        var draftOnly = TestWorkflows.UniqueId("draft");
        (await admin.PostJsonAsync("/api/workflows/definitions",
            """{"id": "ID", "name": "draft", "root": {"id": "say", "type": "Log", "inputs": {"message": "hi"}}}""".Replace("ID", draftOnly))).EnsureSuccessStatusCode();
        var unpublished = await (await operatorClient.PostAsJsonAsync("/api/workflows/instances", new { definitionId = draftOnly })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("has no published version", (string?)unpublished["detail"]);

        var id = await PublishAsync(TestWorkflows.Greeting, "noversion");
        var version = await (await operatorClient.PostAsJsonAsync("/api/workflows/instances", new { definitionId = id, version = 5, input = new { who = "x" } }))
            .ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("version 5", (string?)version["detail"]);
    }

    [Fact]
    public async Task Input_that_does_not_match_the_declared_inputs_is_a_400_naming_each_input()
    {
        var id = TestWorkflows.UniqueId("inputs");
        await admin.SaveDefinitionAsync("""
            {"id": "@id", "name": "Typed inputs",
             "inputs": [
               {"name": "jobId", "type": "integer", "required": true},
               {"name": "mode", "type": "string", "options": ["fast", "safe"]},
               {"name": "owner", "type": "string", "required": true},
               {"name": "dryRun", "type": "boolean", "default": false}
             ],
             "root": {"id": "say", "type": "Log", "inputs": {"message": "ok"}}}
            """.Replace("@id", id));

        var problem = await (await operatorClient.PostAsJsonAsync("/api/workflows/instances",
            new { definitionId = id, input = new { jobId = "not a number", mode = "reckless", dryRun = "perhaps" } })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["$.input.dryRun", "$.input.jobId", "$.input.mode", "$.input.owner"], problem.Errors().Select(e => e.Path).Order());
        Assert.Contains(problem.Errors(), e => e.Path == "$.input.owner" && e.Message.Contains("required"));
        Assert.Contains(problem.Errors(), e => e.Path == "$.input.mode" && e.Message.Contains("fast"));
        // Nothing was started.
        var page = await (await operatorClient.GetAsync($"/api/workflows/instances?definitionId={id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, (int)page["total"]!);
    }

    [Fact]
    public async Task List_filters_by_definition_status_correlation_and_time_and_pages()
    {
        var id = await PublishAsync(TestWorkflows.MaybeHold, "list");
        var other = await PublishAsync(TestWorkflows.MaybeHold, "list-other");
        var correlation = TestWorkflows.UniqueId("corr");
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        var held = (string)(await operatorClient.StartAndWaitAsync(id, new { hold = true }, correlation))["summary"]!["id"]!;
        var done1 = (string)(await operatorClient.StartAndWaitAsync(id, new { hold = false }, correlation))["summary"]!["id"]!;
        var done2 = (string)(await operatorClient.StartAndWaitAsync(id, new { hold = false }))["summary"]!["id"]!;
        var elsewhere = (string)(await operatorClient.StartAndWaitAsync(other, new { hold = false }, correlation))["summary"]!["id"]!;
        var viewer = fixture.Host.ClientFor("viewer");

        Assert.Equal([held, done1, done2], await IdsAsync($"definitionId={id}"));
        Assert.Equal([done1, done2], await IdsAsync($"definitionId={id}&status=Completed"));
        Assert.Equal([held], await IdsAsync($"definitionId={id}&status=suspended"));
        Assert.Equal([held, done1, elsewhere], await IdsAsync($"correlationId={correlation}"));
        Assert.Equal([done1], await IdsAsync($"correlationId={correlation}&definitionId={id}&status=Completed"));
        Assert.Equal([held, done1, done2], await IdsAsync($"definitionId={id}&from={Uri.EscapeDataString(before.ToString("O"))}"));
        Assert.Empty(await IdsAsync($"definitionId={id}&from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}"));
        Assert.Empty(await IdsAsync($"definitionId={id}&to={Uri.EscapeDataString(before.ToString("O"))}"));
        Assert.Equal([held, done1, done2], await IdsAsync($"definitionId={id}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}"));

        var first = await (await viewer.GetAsync($"/api/workflows/instances?definitionId={id}&pageSize=2")).JsonAsync(HttpStatusCode.OK);
        var second = await (await viewer.GetAsync($"/api/workflows/instances?definitionId={id}&pageSize=2&page=2")).JsonAsync(HttpStatusCode.OK);
        var third = await (await viewer.GetAsync($"/api/workflows/instances?definitionId={id}&pageSize=2&page=3")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((1, 2, 3, 2), ((int)first["page"]!, (int)first["pageSize"]!, (int)first["total"]!, first["items"]!.AsArray().Count));
        Assert.Equal((2, 3, 1), ((int)second["page"]!, (int)second["total"]!, second["items"]!.AsArray().Count));
        Assert.Empty(third["items"]!.AsArray());
        var paged = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(i => (string)i!["id"]!).Order();
        Assert.Equal(new[] { held, done1, done2 }.Order(), paged);

        async Task<IEnumerable<string>> IdsAsync(string query)
        {
            var page = await (await viewer.GetAsync($"/api/workflows/instances?{query}")).JsonAsync(HttpStatusCode.OK);
            Assert.Equal(page["items"]!.AsArray().Count, (int)page["total"]!);
            // Newest first; compare as sets, since instances started within one clock tick may list in either order.
            return page["items"]!.AsArray().Select(i => (string)i!["id"]!).OrderBy(i => i == held ? 0 : i == done1 ? 1 : i == done2 ? 2 : 3).ToList();
        }
    }

    [Theory]
    [InlineData("status=Sleeping", "$.status")]
    [InlineData("status=1", "$.status")]
    [InlineData("page=0", "$.page")]
    [InlineData("pageSize=0", "$.pageSize")]
    [InlineData("pageSize=501", "$.pageSize")]
    public async Task List_rejects_bad_filters_with_their_path(string query, string path)
    {
        var problem = await (await operatorClient.GetAsync($"/api/workflows/instances?{query}")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(path, problem.Errors().Single().Path);
    }

    [Theory]
    [InlineData("page=first", "$.page", "\"first\" is not a whole number")]
    [InlineData("from=yesterday", "$.from", "\"yesterday\" is not a date and time such as 2026-01-31T12:00:00Z")]
    [InlineData("to=2024-13-45", "$.to", "\"2024-13-45\" is not a date and time such as 2026-01-31T12:00:00Z")]
    public async Task List_rejects_unreadable_query_values_naming_the_parameter(string query, string path, string message)
    {
        var problem = await (await operatorClient.GetAsync($"/api/workflows/instances?{query}")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([(path, message)], problem.Errors());
        Assert.DoesNotContain("Nullable", problem.ToJsonString());
    }

    [Fact]
    public async Task A_suspended_instance_shows_its_live_activity_and_bookmark_and_a_signal_completes_it()
    {
        var signal = TestWorkflows.UniqueId("approve");
        var id = TestWorkflows.UniqueId("signal");
        await admin.SaveDefinitionAsync(TestWorkflows.WaitForSignal(id, signal));

        var suspended = await operatorClient.StartAndWaitAsync(id);
        Assert.Equal("Suspended", suspended.Status());
        var instanceId = (string)suspended["summary"]!["id"]!;
        var details = await fixture.Host.ClientFor("viewer").InstanceAsync(instanceId);
        var bookmark = Assert.Single(details["bookmarks"]!.AsArray())!;
        Assert.Equal(("Signal", signal, "wait"), ((string?)bookmark["name"], (string?)bookmark["key"], (string?)bookmark["activityId"]));
        var live = details["activities"]!.AsArray().Select(a => ((string)a!["activityId"]!, (string)a["status"]!)).ToList();
        Assert.Contains(("wait", "Suspended"), live);
        Assert.Contains(live, a => a.Item1 == "seq");
        Assert.DoesNotContain(live, a => a.Item1 == "after");
        Assert.Contains(details["journal"]!.AsArray(), l => (string?)l!["activityId"] == "before" && (string?)l["kind"] == "Completed");

        var signalled = await (await operatorClient.PostAsJsonAsync("/api/workflows/signals",
            new { signal, instanceId, payload = new { approvedBy = "ops-lead" } })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)signalled["resumed"]!);
        Assert.Equal(instanceId, (string?)signalled["instanceIds"]![0]);

        var completed = await operatorClient.WaitForStatusAsync(instanceId, "Completed");
        Assert.Equal("ops-lead", (string?)completed["output"]!["approvedBy"]);
        Assert.Empty(completed["bookmarks"]!.AsArray());
        Assert.Empty(completed["activities"]!.AsArray());
        Assert.Contains(completed["journal"]!.AsArray(), l => (string?)l!["activityId"] == "after" && (string?)l["message"] == "approved by ops-lead");
    }

    [Fact]
    public async Task A_signal_reaches_instances_by_correlation_and_one_nobody_waits_for_resumes_nothing()
    {
        var signal = TestWorkflows.UniqueId("go");
        var id = TestWorkflows.UniqueId("correlated");
        await admin.SaveDefinitionAsync(TestWorkflows.WaitForSignal(id, signal));
        var correlation = TestWorkflows.UniqueId("job");
        var mine = (string)(await operatorClient.StartAndWaitAsync(id, correlationId: correlation))["summary"]!["id"]!;
        var notMine = (string)(await operatorClient.StartAndWaitAsync(id, correlationId: correlation + "-other"))["summary"]!["id"]!;

        var nobody = await (await operatorClient.PostAsJsonAsync("/api/workflows/signals", new { signal = signal + "-unheard" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, (int)nobody["resumed"]!);
        var signalled = await (await operatorClient.PostAsJsonAsync("/api/workflows/signals",
            new { signal, correlationId = correlation, payload = new { approvedBy = "dss" } })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal([mine], signalled["instanceIds"]!.AsArray().Select(i => (string)i!));
        Assert.Equal("dss", (string?)(await operatorClient.WaitForStatusAsync(mine, "Completed"))["output"]!["approvedBy"]);
        Assert.Equal("Suspended", (await operatorClient.InstanceAsync(notMine)).Status());
    }

    [Fact]
    public async Task A_signal_without_a_name_is_a_400()
    {
        var problem = await (await operatorClient.PostJsonAsync("/api/workflows/signals", """{"signal": "", "instanceId": 5}""")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["$.signal", "$.instanceId"], problem.Errors().Select(e => e.Path));
    }

    [Fact]
    public async Task A_bookmark_is_resumed_by_its_id_with_a_payload()
    {
        var id = await PublishAsync(i => TestWorkflows.WaitForSignal(i), "resume");
        var instanceId = (string)(await operatorClient.StartAndWaitAsync(id))["summary"]!["id"]!;
        var bookmarkId = (string)(await operatorClient.InstanceAsync(instanceId))["bookmarks"]![0]!["id"]!;

        // Sent without a Content-Length (a stream of unknown length goes chunked): the payload must still arrive.
        var chunked = new StreamContent(new UnknownLengthStream("""{"payload": {"approvedBy": "bookmark"}}"""u8.ToArray()));
        chunked.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var resumed = await operatorClient.PostAsync($"/api/workflows/instances/{instanceId}/bookmarks/{bookmarkId}/resume", chunked);
        Assert.Null(chunked.Headers.ContentLength);

        var body = await resumed.JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(1, (int)body["resumed"]!);
        Assert.Equal($"/api/workflows/instances/{instanceId}", resumed.Headers.Location?.OriginalString);
        var completed = await operatorClient.WaitForStatusAsync(instanceId, "Completed");
        Assert.Equal("bookmark", (string?)completed["output"]!["approvedBy"]);
        // It is gone once used; an unknown instance has none.
        await (await operatorClient.PostAsJsonAsync($"/api/workflows/instances/{instanceId}/bookmarks/{bookmarkId}/resume", new { payload = 1 }))
            .ProblemAsync(HttpStatusCode.NotFound);
        await (await operatorClient.PostAsync($"/api/workflows/instances/no-such-instance/bookmarks/{bookmarkId}/resume", null))
            .ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Cancelling_a_suspended_instance_ends_it_cancelled()
    {
        var id = await PublishAsync(i => TestWorkflows.WaitForSignal(i), "cancel");
        var instanceId = (string)(await operatorClient.StartAndWaitAsync(id))["summary"]!["id"]!;

        var response = await operatorClient.PostAsync($"/api/workflows/instances/{instanceId}/cancel", null);

        var body = await response.JsonAsync(HttpStatusCode.Accepted);
        Assert.True((bool)body["cancelRequested"]!);
        var cancelled = await operatorClient.WaitForStatusAsync(instanceId, "Cancelled");
        Assert.Empty(cancelled["bookmarks"]!.AsArray());
        Assert.NotNull((string?)cancelled["summary"]!["finishedAt"]);
        Assert.Contains(cancelled["journal"]!.AsArray(), l => (string?)l!["activityId"] == "wait" && (string?)l["kind"] == "Cancelled");
        await (await operatorClient.PostAsync("/api/workflows/instances/no-such-instance/cancel", null)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_instance_that_has_ended_cannot_be_cancelled_but_a_faulted_one_can()
    {
        var greeting = await PublishAsync(TestWorkflows.Greeting, "ended");
        var completed = (string)(await operatorClient.StartAndWaitAsync(greeting, new { who = "x" }))["summary"]!["id"]!;
        var problem = await (await operatorClient.PostAsync($"/api/workflows/instances/{completed}/cancel", null)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Completed", (string?)problem["detail"]);

        var failing = await PublishAsync(i => TestWorkflows.Failing(i), "cancel-faulted");
        var faulted = (string)(await operatorClient.StartAndWaitAsync(failing))["summary"]!["id"]!;
        await (await operatorClient.PostAsync($"/api/workflows/instances/{faulted}/cancel", null)).JsonAsync(HttpStatusCode.Accepted);
        await operatorClient.WaitForStatusAsync(faulted, "Cancelled");
        await (await operatorClient.PostAsync($"/api/workflows/instances/{faulted}/cancel", null)).ProblemAsync(HttpStatusCode.Conflict);
        await (await operatorClient.PostAsync($"/api/workflows/instances/{faulted}/retry", null)).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_faulted_instance_shows_its_incident_and_can_be_retried()
    {
        var id = await PublishAsync(i => TestWorkflows.Failing(i, "the job is gone"), "fault");

        var faulted = await operatorClient.StartAndWaitAsync(id);

        Assert.Equal("Faulted", faulted.Status());
        Assert.Equal(1, (int)faulted["summary"]!["incidentCount"]!);
        var incident = Assert.Single(faulted["incidents"]!.AsArray())!;
        Assert.Equal(("boom", "Fail", "the job is gone", "WorkflowFail"),
            ((string?)incident["activityId"], (string?)incident["activityType"], (string?)incident["message"], (string?)incident["errorType"]));
        var instanceId = (string)faulted["summary"]!["id"]!;
        var journal = await operatorClient.GetFromJsonArrayAsync($"/api/workflows/instances/{instanceId}/journal");
        Assert.Contains(journal, l => (string?)l!["activityId"] == "boom" && (string?)l["kind"] == "Faulted" && (string?)l["errorMessage"] == "the job is gone");

        var retry = await operatorClient.PostAsync($"/api/workflows/instances/{instanceId}/retry", null);
        var body = await retry.JsonAsync(HttpStatusCode.Accepted);
        Assert.True((bool)body["retryRequested"]!);

        // The Fail activity fails again: the retry shows as a second run of "boom" in the journal.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonArray lines;
        do
        {
            lines = await operatorClient.GetFromJsonArrayAsync($"/api/workflows/instances/{instanceId}/journal");
            if (lines.Count(l => (string?)l!["activityId"] == "boom" && (string?)l["kind"] == "Faulted") >= 2) break;
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Equal(2, lines.Count(l => (string?)l!["activityId"] == "boom" && (string?)l["kind"] == "Faulted"));
        Assert.Equal("Faulted", (await operatorClient.WaitForStatusAsync(instanceId, "Faulted")).Status());
    }

    [Fact]
    public async Task Only_a_faulted_instance_can_be_retried()
    {
        var id = await PublishAsync(TestWorkflows.Greeting, "noretry");
        var completed = (string)(await operatorClient.StartAndWaitAsync(id, new { who = "x" }))["summary"]!["id"]!;

        var problem = await (await operatorClient.PostAsync($"/api/workflows/instances/{completed}/retry", null)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("Completed", (string?)problem["detail"]);
        await (await operatorClient.PostAsync("/api/workflows/instances/no-such-instance/retry", null)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_activity_that_throws_faults_only_its_own_instance()
    {
        var id = await PublishAsync(TestWorkflows.DelayFromInput, "throws");

        var broken = await operatorClient.StartAsync(id, new { duration = "whenever you like" });
        var healthy = await operatorClient.StartAsync(id, new { duration = "00:00:00" });

        var faulted = await operatorClient.WaitForStatusAsync(broken, "Faulted");
        var incident = Assert.Single(faulted["incidents"]!.AsArray())!;
        Assert.Equal("pause", (string?)incident["activityId"]);
        Assert.Contains("duration", (string?)incident["message"]);
        var completed = await operatorClient.WaitForStatusAsync(healthy, "Completed");
        Assert.True((bool)completed["output"]!["done"]!);
        Assert.Empty(completed["incidents"]!.AsArray());
    }

    [Fact]
    public async Task A_workflow_whose_state_cannot_be_stored_faults_instead_of_running_forever()
    {
        var id = TestWorkflows.UniqueId("nesting");
        // Each turn wraps the variable in one more array, until it nests deeper than JSON may be written.
        await admin.SaveDefinitionAsync("""
            {"id": "@id", "name": "Nesting",
             "variables": [{"name": "x", "type": "any", "default": 1}, {"name": "n", "type": "integer", "default": 0}],
             "root": {"id": "loop", "type": "While", "inputs": {"condition": {"expression": "{{ vars.n < 80 }}"}},
               "body": {"id": "turn", "type": "Sequence", "activities": [
                 {"id": "wrap", "type": "SetVariable", "inputs": {"name": "x", "value": {"expression": "{{ [vars.x] }}"}}},
                 {"id": "count", "type": "SetVariable", "inputs": {"name": "n", "value": {"expression": "{{ vars.n + 1 }}"}}}
               ]}}}
            """.Replace("@id", id));

        var instanceId = await operatorClient.StartAsync(id);

        var faulted = await operatorClient.WaitForStatusAsync(instanceId, "Faulted");
        Assert.Contains(faulted["journal"]!.AsArray(), l => (string?)l!["kind"] == "Faulted" && ((string?)l["errorMessage"])!.Contains("cannot be stored"));
    }

    [Fact]
    public async Task An_unknown_instance_is_a_404()
    {
        await (await operatorClient.GetAsync("/api/workflows/instances/no-such-instance")).ProblemAsync(HttpStatusCode.NotFound);
        await (await operatorClient.GetAsync("/api/workflows/instances/no-such-instance/journal")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
