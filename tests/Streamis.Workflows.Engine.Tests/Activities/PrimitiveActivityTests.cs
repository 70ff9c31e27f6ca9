using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Tests.Support;
using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Tests.Activities;

public class PrimitiveActivityTests
{
    [Fact]
    public async Task Set_variable_stores_a_value_later_activities_and_outputs_read()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "set-variable",
          "inputs": [{"name": "jobId", "type": "integer"}],
          "variables": [{"name": "savepoint", "type": "string"}, {"name": "tries", "type": "integer", "default": 1}],
          "outputs": [{"name": "savepoint", "type": "string"}, {"name": "echoed", "value": "{{ activities.use.result }}"}, {"name": "tries", "type": "integer"}],
          "root": {"id": "seq", "type": "Sequence", "activities": [
            {"id": "set", "type": "SetVariable", "inputs": {"name": "savepoint", "value": {"expression": "hdfs:///savepoints/job-{{ input.jobId }}"}}},
            {"id": "bump", "type": "SetVariable", "inputs": {"name": "tries", "value": {"expression": "{{ vars.tries + 1 }}"}}},
            {"id": "use", "type": "Echo", "inputs": {"value": {"variable": "savepoint"}}}
          ]}
        }
        """, new { jobId = 42 });

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal("hdfs:///savepoints/job-42", result.Outputs["savepoint"]);
        Assert.Equal("hdfs:///savepoints/job-42", result.Outputs["echoed"]);
        Assert.Equal(2L, result.Outputs["tries"]);
        Assert.Equal("hdfs:///savepoints/job-42", result.State.Scopes[0].Variables["savepoint"]);
    }

    [Fact]
    public async Task Log_writes_a_journal_entry_with_message_severity_and_data()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "log",
          "inputs": [{"name": "jobId", "type": "integer"}],
          "root": {"id": "note", "type": "Log", "inputs": {
            "message": {"expression": "Job {{ input.jobId }} has no checkpoint"},
            "level": "Warning",
            "data": {"jobId": 7, "tags": ["restore"]}}}
        }
        """, new { jobId = 7 });

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        var log = Assert.Single(result.Journal, j => j.Kind == JournalEventKind.Log);
        Assert.Equal("note", log.ActivityId);
        Assert.Equal("Log", log.ActivityType);
        Assert.Equal("Job 7 has no checkpoint", log.Message);
        Assert.Equal(LogSeverity.Warning, log.Severity);
        var data = Assert.IsType<Dictionary<string, object?>>(log.Data);
        Assert.Equal(7L, data["jobId"]);
        Assert.Equal(["restore"], Assert.IsType<List<object?>>(data["tags"]));
        Assert.Equal(engine.Clock.GetUtcNow(), log.Timestamp);
        Assert.Equal(JournalEventKind.Completed, result.Journal[^1].Kind);
    }

    [Fact]
    public async Task Log_defaults_to_information_severity()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""{"id": "log-info", "root": {"id": "note", "type": "Log", "inputs": {"message": "hello"}}}""");

        var log = Assert.Single(result.Journal, j => j.Kind == JournalEventKind.Log);
        Assert.Equal(("hello", LogSeverity.Information), (log.Message, log.Severity));
    }

    [Fact]
    public async Task Fail_faults_the_instance_with_its_message()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "fail",
          "inputs": [{"name": "jobId", "type": "integer"}],
          "root": {"id": "seq", "type": "Sequence", "activities": [
            {"id": "stop", "type": "Fail", "inputs": {"message": {"expression": "job {{ input.jobId }} is not running"}}}
          ]}
        }
        """, new { jobId = 3 });

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        var incident = Assert.Single(result.Incidents);
        Assert.Equal(("stop", "Fail", "job 3 is not running", "WorkflowFail"), (incident.ActivityId, incident.ActivityType, incident.Message, incident.ErrorType));
        var faulted = result.Journal.Where(j => j.Kind == JournalEventKind.Faulted).Select(j => j.ActivityId);
        Assert.Equal(["stop", "seq"], faulted);
    }
}
