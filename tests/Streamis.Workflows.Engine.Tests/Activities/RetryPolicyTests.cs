using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Tests.Support;

namespace Streamis.Workflows.Engine.Tests.Activities;

public class RetryPolicyTests
{
    private static string FlakyWorkflow(int failures, bool transient = true, string retry = """{"maxAttempts": 3, "initialDelay": "1s", "backoffFactor": 2, "jitter": 0}""") => """
        {
          "id": "retry",
          "outputs": [{"name": "attempt", "type": "integer", "value": "{{ activities.flaky.attempt }}"}],
          "root": {"id": "seq", "type": "Sequence", "activities": [
            {"id": "before", "type": "Echo", "inputs": {"value": 1}},
            {"id": "flaky", "type": "Flaky", "inputs": {"failures": FAILURES, "transient": TRANSIENT}, "retry": RETRY}
          ]}
        }
        """.Replace("FAILURES", failures.ToString()).Replace("TRANSIENT", transient ? "true" : "false").Replace("RETRY", retry);

    [Fact]
    public async Task Transient_failures_are_retried_until_the_activity_succeeds()
    {
        var engine = new TestEngine();
        var start = engine.Clock.GetUtcNow();

        var result = await engine.RunAsync(FlakyWorkflow(failures: 2));

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(3L, result.Outputs["attempt"]);
        Assert.Equal(3, Counters.Of(result.State.InstanceId, "flaky"));
        Assert.Equal(1, Counters.Of(result.State.InstanceId, "before"));
        var flaky = result.Journal.Where(j => j.ActivityId == "flaky").ToList();
        Assert.Equal(
            [(JournalEventKind.Retrying, 1, "flaky failure 1"), (JournalEventKind.Retrying, 2, "flaky failure 2"), (JournalEventKind.Completed, 3, null)],
            flaky.Select(j => (j.Kind, j.Attempt, j.ErrorMessage)));
        Assert.All(flaky.Take(2), j => Assert.Equal("TransientException", j.ErrorType));
        // Waited 1 s, then 2 s, on the skipping clock.
        Assert.Equal(start + TimeSpan.FromSeconds(3), engine.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Retry_waits_through_a_Retry_bookmark_whose_delay_grows_exponentially()
    {
        var engine = new TestEngine();
        var now = engine.Clock.GetUtcNow();
        var result = await engine.RunAsync(FlakyWorkflow(failures: 3, retry: """{"maxAttempts": 4, "initialDelay": "1s", "backoffFactor": 2, "jitter": 0}"""), resumeTimers: false);

        foreach (var expectedDelay in new[] { 1, 2, 4 })
        {
            Assert.Equal(WorkflowStatus.Suspended, result.Status);
            var bookmark = Assert.Single(result.Bookmarks);
            Assert.Equal(("Retry", "flaky"), (bookmark.Name, bookmark.ActivityId));
            Assert.Equal(now + TimeSpan.FromSeconds(expectedDelay), bookmark.ResumeAt);

            engine.Clock.Advance(TimeSpan.FromSeconds(expectedDelay));
            now = engine.Clock.GetUtcNow();
            result = await engine.Runner.ResumeAsync(result.State, bookmark.Id);
        }

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(4L, result.Outputs["attempt"]);
        Assert.Equal(1, Counters.Of(result.State.InstanceId, "before"));
    }

    [Fact]
    public async Task Back_off_is_capped_by_max_delay()
    {
        var engine = new TestEngine();
        var start = engine.Clock.GetUtcNow();

        var result = await engine.RunAsync(FlakyWorkflow(failures: 3,
            retry: """{"maxAttempts": 4, "initialDelay": "1s", "backoffFactor": 10, "maxDelay": "15s", "jitter": 0}"""));

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        // 1 s, then 10 s, then 100 s capped to 15 s.
        Assert.Equal(start + TimeSpan.FromSeconds(26), engine.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Jitter_spreads_the_delay_within_its_fraction()
    {
        var engine = new TestEngine();
        var start = engine.Clock.GetUtcNow();

        var result = await engine.RunAsync(FlakyWorkflow(failures: 1,
            retry: """{"maxAttempts": 2, "initialDelay": "10s", "backoffFactor": 2, "jitter": 0.5}"""), resumeTimers: false);

        var resumeAt = Assert.Single(result.Bookmarks).ResumeAt!.Value;
        Assert.InRange(resumeAt, start + TimeSpan.FromSeconds(5), start + TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Non_transient_errors_are_not_retried_by_default()
    {
        var engine = new TestEngine();

        var result = await engine.RunAsync(FlakyWorkflow(failures: 1, transient: false));

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal(1, Counters.Of(result.State.InstanceId, "flaky"));
        Assert.DoesNotContain(result.Journal, j => j.Kind == JournalEventKind.Retrying);
        Assert.Equal("permanent failure 1", Assert.Single(result.Incidents).Message);
    }

    [Fact]
    public async Task Non_transient_errors_are_retried_with_retry_on_all()
    {
        var engine = new TestEngine();

        var result = await engine.RunAsync(FlakyWorkflow(failures: 1, transient: false,
            retry: """{"maxAttempts": 3, "initialDelay": "1s", "backoffFactor": 2, "jitter": 0, "retryOn": "all"}"""));

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(2L, result.Outputs["attempt"]);
        Assert.Equal(2, Counters.Of(result.State.InstanceId, "flaky"));
    }

    [Fact]
    public async Task Exhausted_attempts_fault_the_instance_with_an_incident_naming_the_activity_message_and_type()
    {
        var engine = new TestEngine();

        var result = await engine.RunAsync(FlakyWorkflow(failures: 5));

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal(3, Counters.Of(result.State.InstanceId, "flaky"));
        var incident = Assert.Single(result.Incidents);
        Assert.Equal(("flaky", "Flaky", "flaky failure 3", "TransientException"),
            (incident.ActivityId, incident.ActivityType, incident.Message, incident.ErrorType));
        Assert.Equal([JournalEventKind.Retrying, JournalEventKind.Retrying, JournalEventKind.Faulted],
            result.Journal.Where(j => j.ActivityId == "flaky").Select(j => j.Kind));
        Assert.Equal(3, result.Journal.Single(j => j.ActivityId == "flaky" && j.Kind == JournalEventKind.Faulted).Attempt);
        Assert.Empty(result.Bookmarks);
    }

    [Fact]
    public async Task Activity_without_a_retry_policy_is_not_retried_even_when_the_error_is_transient()
    {
        var engine = new TestEngine();

        var result = await engine.RunAsync("""
        {"id": "no-retry", "root": {"id": "flaky", "type": "Flaky", "inputs": {"failures": 1}}}
        """);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal(1, Counters.Of(result.State.InstanceId, "flaky"));
    }

    [Fact]
    public async Task Retry_policy_on_a_composite_runs_its_children_again()
    {
        var service = $"linkis-{Guid.NewGuid():N}";
        ServiceOutages.Begin(service);
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "retry-composite",
          "root": {"id": "steps", "type": "Sequence", "retry": {"maxAttempts": 2, "initialDelay": "5s", "jitter": 0, "retryOn": "all"}, "activities": [
            {"id": "prepare", "type": "Echo", "inputs": {"value": 1}},
            {"id": "call", "type": "CallService", "inputs": {"service": "SERVICE"}}
          ]}
        }
        """.Replace("SERVICE", service), resumeTimers: false);

        Assert.Equal(WorkflowStatus.Suspended, result.Status);
        var bookmark = Assert.Single(result.Bookmarks);
        Assert.Equal(("Retry", "steps"), (bookmark.Name, bookmark.ActivityId));

        ServiceOutages.End(service);
        result = await engine.Runner.ResumeAsync(result.State, bookmark.Id);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(2, Counters.Of(result.State.InstanceId, "prepare"));
        Assert.Equal(2, Counters.Of(result.State.InstanceId, "call"));
        Assert.Equal(2, result.Journal.Single(j => j.ActivityId == "steps").Attempt);
    }
}
