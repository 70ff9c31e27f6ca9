using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Tests.StreamisRest;
using Streamis.Workflows.Host.Tests.Support;
using Streamis.Workflows.Plugins.Dss.Tests.Support;

namespace Streamis.Workflows.Plugins.Dss.Tests;

/// <summary>
/// A DSS node's life as DSS drives it: create the ref, submit, poll state every moment, read the result; kill;
/// failures. Alice creates and runs the nodes of her project; bob has access to it; dave has nothing.
/// </summary>
public sealed class NodeExecutionTests(DssHost dss) : IClassFixture<DssHost>
{
    [Fact]
    public async Task Create_submit_poll_and_result_carry_variables_workspace_and_labels_into_the_run()
    {
        var (project, _) = await ProjectAsync();
        var signal = TestWorkflows.UniqueId("go");
        var workflow = await PublishAsync(id => NodeWorkflows.Waiting(id, signal));
        var alice = dss.Dss("alice", workspace: "bdp-workspace");
        var node = await alice.CreateRefAsync(project, workflow, new { runDate = "${run_date}", target = "orders ${missing}" });

        var execution = await alice.SubmitAsync(node, new { run_date = "20260131" });
        Assert.Equal("Running", await alice.PollUntilAsync(execution, "Running"));
        await dss.Admin.SignalWhenWaitingAsync(signal, execution);
        Assert.Equal("Success", await alice.PollUntilAsync(execution, "Success", "Failed", "Killed"));

        var result = await alice.DataAsync($"{NodeCalls.Executions}/result?executionId={execution}");
        var outputs = result["outputs"]!;
        Assert.Equal("20260131", (string?)outputs["runDate"]);
        Assert.Equal("20260131", (string?)outputs["variable"]);
        Assert.Equal("orders ${missing}", (string?)outputs["target"]);
        Assert.Equal("alice", (string?)outputs["user"]);
        Assert.Equal("bdp-workspace", (string?)outputs["workspace"]);
        Assert.Equal("dev", (string?)outputs["route"]);
        Assert.True((bool)result["completed"]!);
        Assert.Empty(result["errors"]!.AsArray());
        Assert.Null(result["table"]);
    }

    [Fact]
    public async Task Progress_and_log_lines_follow_the_journal()
    {
        var (project, _) = await ProjectAsync();
        var signal = TestWorkflows.UniqueId("go");
        var alice = dss.Dss("alice");
        var node = await alice.CreateRefAsync(project, await PublishAsync(id => NodeWorkflows.Waiting(id, signal)), new { runDate = "today" });
        var execution = await alice.SubmitAsync(node);
        await alice.PollUntilAsync(execution, "Running");
        await WaitForJournalAsync(execution);

        var waiting = await alice.DataAsync($"{NodeCalls.Executions}/progress?executionId={execution}");
        var firstLine = await alice.DataAsync($"{NodeCalls.Executions}/log?executionId={execution}&fromLine=1&pageSize=1");
        await dss.Admin.SignalWhenWaitingAsync(signal, execution);
        await alice.PollUntilAsync(execution, "Success");
        var done = await alice.DataAsync($"{NodeCalls.Executions}/progress?executionId={execution}");
        var all = await alice.DataAsync($"{NodeCalls.Executions}/log?executionId={execution}");

        Assert.InRange((double)waiting["progress"]!, 0.01, 0.99);
        Assert.Equal(1.0, (double)done["progress"]!);
        Assert.Contains("hello (Log): run for today", (string?)firstLine["logs"]![0]);
        Assert.False((bool)firstLine["isEnd"]!);
        var lines = all["logs"]!.AsArray().Select(l => (string)l!).ToList();
        Assert.Contains(lines, l => l.Contains("gate (WaitForSignal) completed"));
        Assert.Contains(lines, l => l.Contains("bye (Log): released"));
        Assert.True((bool)all["isEnd"]!);
        Assert.Equal(lines.Count, (int)all["endLine"]!);
    }

    [Fact]
    public async Task Kill_cancels_the_run_and_a_second_kill_says_it_has_ended()
    {
        var (project, _) = await ProjectAsync();
        var alice = dss.Dss("alice");
        var node = await alice.CreateRefAsync(project, await PublishAsync(id => NodeWorkflows.Waiting(id, TestWorkflows.UniqueId("never"))), new { runDate = "d" });
        var execution = await alice.SubmitAsync(node);
        await alice.PollUntilAsync(execution, "Running");

        var kill = await Envelope.OkAsync(await alice.PostAsJsonAsync($"{NodeCalls.Executions}/kill", new { executionId = execution }));
        Assert.True((bool)kill["data"]!["killRequested"]!);
        Assert.Equal("Killed", await alice.PollUntilAsync(execution, "Killed", "Success", "Failed"));
        var again = await Envelope.OkAsync(await alice.PostAsJsonAsync($"{NodeCalls.Executions}/kill", new { executionId = execution }));

        Assert.False((bool)again["data"]!["killRequested"]!);
        Assert.Contains("already ended (Killed)", (string?)again["message"]);
        Assert.True((bool)(await alice.DataAsync($"{NodeCalls.Executions}/result?executionId={execution}"))["completed"]!);
    }

    [Fact]
    public async Task A_failing_workflow_ends_Failed_with_the_reason_in_the_result()
    {
        var (project, _) = await ProjectAsync();
        var alice = dss.Dss("alice");
        var execution = await alice.SubmitAsync(await alice.CreateRefAsync(project, await PublishAsync(NodeWorkflows.Failing)));

        Assert.Equal("Failed", await alice.PollUntilAsync(execution, "Failed", "Success"));
        var result = await alice.DataAsync($"{NodeCalls.Executions}/result?executionId={execution}");
        Assert.Contains("boom: the cluster said no", result["errors"]!.AsArray().Select(e => (string?)e));
        var log = await alice.DataAsync($"{NodeCalls.Executions}/log?executionId={execution}");
        Assert.Contains(log["logs"]!.AsArray(), l => ((string)l!).Contains("ERROR boom (Fail) failed: the cluster said no"));
    }

    [Fact]
    public async Task A_run_over_many_jobs_answers_its_per_job_table()
    {
        var (project, _) = await ProjectAsync();
        var alice = dss.Dss("alice");
        var execution = await alice.SubmitAsync(await alice.CreateRefAsync(project, await PublishAsync(NodeWorkflows.PerJob), new { jobs = new[] { "orders", "clicks", "users" } }));
        await alice.PollUntilAsync(execution, "Success");

        var result = await alice.DataAsync($"{NodeCalls.Executions}/result?executionId={execution}");

        var table = result["table"]!;
        Assert.Equal("results", (string?)table["source"]);
        var columns = table["columns"]!.AsArray().Select(c => (string)c!).ToList();
        Assert.Contains("item", columns);
        Assert.Contains("status", columns);
        var rows = table["rows"]!.AsArray().Select(r => r!.AsArray()).ToList();
        Assert.Equal(["orders", "clicks", "users"], rows.Select(r => (string?)r[columns.IndexOf("item")]));
        Assert.Equal(3L, (long)result["outputs"]!["total"]!);
    }

    [Fact]
    public async Task The_project_privileges_govern_who_may_run_and_follow_a_node()
    {
        var (project, _) = await ProjectAsync();
        var signal = TestWorkflows.UniqueId("go");
        var node = await dss.Dss("alice").CreateRefAsync(project, await PublishAsync(id => NodeWorkflows.Waiting(id, signal)), new { runDate = "d" });
        var execution = await dss.Dss("alice").SubmitAsync(node);

        var bySomeone = await Envelope.ErrorAsync(await dss.Dss("dave").PostAsJsonAsync($"{NodeCalls.Executions}/submit", new { refJobContent = node }));
        var byReader = await Envelope.ErrorAsync(await dss.Dss("bob").PostAsJsonAsync($"{NodeCalls.Executions}/submit", new { refJobContent = node }));
        var killByReader = await Envelope.ErrorAsync(await dss.Dss("bob").PostAsJsonAsync($"{NodeCalls.Executions}/kill", new { executionId = execution }));
        var stateForSomeone = await Envelope.ErrorAsync(await dss.Dss("dave").GetAsync($"{NodeCalls.Executions}/state?executionId={execution}"));
        var forAnother = await Envelope.ErrorAsync(await dss.Dss("alice").PostAsJsonAsync($"{NodeCalls.Executions}/submit", new { refJobContent = node, user = "bob" }));

        Assert.Contains("dave has no edit privilege", (string?)bySomeone["message"]);
        Assert.Contains("bob has no edit privilege", (string?)byReader["message"]);
        Assert.Contains("bob has no edit privilege", (string?)killByReader["message"]);
        Assert.Contains("dave has no access privilege", (string?)stateForSomeone["message"]);
        Assert.Contains("only a host admin may submit for another user", (string?)forAnother["message"]);
        Assert.Equal(600503, (int)bySomeone["data"]!["errorCode"]!);
        // Reading is access: bob follows alice's run.
        Assert.Equal("Running", await dss.Dss("bob").PollUntilAsync(execution, "Running"));
    }

    [Fact]
    public async Task Unknown_executions_and_instances_not_started_by_DSS_are_refused_clearly()
    {
        var unknown = await Envelope.ErrorAsync(await dss.Dss("alice").GetAsync($"{NodeCalls.Executions}/state?executionId=0123456789abcdef0123456789abcdef"));
        var missing = await Envelope.BadAsync(await dss.Dss("alice").GetAsync($"{NodeCalls.Executions}/state"));
        var definition = await PublishAsync(id => TestWorkflows.Greeting(id));
        var plain = await dss.Admin.StartAsync(definition, new { who = "x" });
        var notDss = await Envelope.ErrorAsync(await dss.Dss("alice").GetAsync($"{NodeCalls.Executions}/state?executionId={plain}"));

        Assert.Equal("there is no DSS execution \"0123456789abcdef0123456789abcdef\"", (string?)unknown["message"]);
        Assert.Equal("executionId cannot be empty!", (string?)missing["message"]);
        Assert.Equal($"there is no DSS execution \"{plain}\"", (string?)notDss["message"]);
    }

    [Fact]
    public async Task A_submit_missing_a_required_input_names_it_and_starts_nothing()
    {
        var (project, _) = await ProjectAsync();
        var alice = dss.Dss("alice");
        var workflow = await PublishAsync(id => NodeWorkflows.Waiting(id, "unused"));
        var node = await alice.CreateRefAsync(project, workflow, new { target = "t" });

        var body = await Envelope.ErrorAsync(await alice.PostAsJsonAsync($"{NodeCalls.Executions}/submit", new { refJobContent = node, variables = new { other = "x" } }));

        Assert.Equal("$.input.runDate: is required", (string?)body["message"]);
        var page = await (await dss.Admin.GetAsync($"/api/workflows/instances?definitionId={workflow}")).JsonAsync(System.Net.HttpStatusCode.OK);
        Assert.Equal(0, (int)page["total"]!);
    }

    private async Task<(long ProjectId, string Name)> ProjectAsync()
    {
        var name = DssHost.UniqueName("nodes");
        return (await dss.CreateProjectAsync(name, "alice", release: ["alice"], edit: ["alice"], access: ["bob"]), name);
    }

    private async Task<string> PublishAsync(Func<string, string> definition)
    {
        var id = TestWorkflows.UniqueId("dss-node");
        await dss.Admin.SaveDefinitionAsync(definition(id));
        return id;
    }

    private async Task WaitForJournalAsync(string instanceId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await dss.Admin.GetFromJsonArrayAsync($"/api/workflows/instances/{instanceId}/journal")).Count == 0)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"instance {instanceId} wrote no journal");
            await Task.Delay(50);
        }
    }
}
