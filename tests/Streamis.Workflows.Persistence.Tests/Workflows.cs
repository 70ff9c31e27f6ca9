namespace Streamis.Workflows.Persistence.Tests;

/// <summary>Definitions the durable tests run.</summary>
internal static class Workflows
{
    public const string DelayThenSignal = """
    {
      "id": "delay-then-signal", "name": "Delay then signal",
      "outputs": [{"name": "approvedBy", "type": "string", "value": "{{ activities.wait.payload.user }}"}],
      "root": {"id": "seq", "type": "Sequence", "activities": [
        {"id": "before", "type": "Count"},
        {"id": "delay", "type": "Delay", "inputs": {"duration": "300ms"}},
        {"id": "wait", "type": "WaitForSignal", "inputs": {"signal": "approve"}},
        {"id": "after", "type": "Count"}
      ]}
    }
    """;

    public const string TenSteps = """
    {
      "id": "ten-steps", "name": "Ten steps",
      "root": {"id": "seq", "type": "Sequence", "activities": [
        {"id": "s1", "type": "Count"}, {"id": "s2", "type": "Count"}, {"id": "s3", "type": "Count"}, {"id": "s4", "type": "Count"},
        {"id": "s5", "type": "Count"}, {"id": "s6", "type": "Count"}, {"id": "s7", "type": "Count"}, {"id": "s8", "type": "Count"},
        {"id": "s9", "type": "Count"}, {"id": "s10", "type": "Count"}
      ]}
    }
    """;

    /// <summary>Ten steps after a short pause, so that two racing nodes both have work to take.</summary>
    public const string Raced = """
    {
      "id": "raced", "name": "Raced",
      "root": {"id": "seq", "type": "Sequence", "activities": [
        {"id": "pause", "type": "Pause", "inputs": {"milliseconds": 20}},
        {"id": "s1", "type": "Count"}, {"id": "s2", "type": "Count"}, {"id": "s3", "type": "Count"}, {"id": "s4", "type": "Count"},
        {"id": "s5", "type": "Count"}, {"id": "s6", "type": "Count"}, {"id": "s7", "type": "Count"}, {"id": "s8", "type": "Count"},
        {"id": "s9", "type": "Count"}, {"id": "s10", "type": "Count"}
      ]}
    }
    """;

    public const string Slow = """
    {
      "id": "slow", "name": "Slow",
      "options": {"commitEachActivity": true},
      "root": {"id": "seq", "type": "Sequence", "activities": [
        {"id": "first", "type": "Count"},
        {"id": "pause", "type": "Pause", "inputs": {"milliseconds": 1500}},
        {"id": "last", "type": "Count"}
      ]}
    }
    """;

    /// <summary>A branch that waits on a timer beside one that keeps awaiting I/O for seconds.</summary>
    public const string DelayBesideLongIo = """
    {
      "id": "delay-beside-long-io", "name": "Delay beside long I/O",
      "root": {"id": "both", "type": "Parallel", "activities": [
        {"id": "io", "type": "Pause", "inputs": {"milliseconds": 4000}},
        {"id": "timed", "type": "Sequence", "activities": [
          {"id": "delay", "type": "Delay", "inputs": {"duration": "100ms"}},
          {"id": "afterDelay", "type": "Count"}
        ]}
      ]}
    }
    """;

    public const string WaitForever = """
    {
      "id": "wait-forever", "name": "Wait forever",
      "root": {"id": "wait", "type": "WaitForSignal", "inputs": {"signal": "never"}}
    }
    """;

    public const string FailBesideDelay = """
    {
      "id": "fail-beside-delay", "name": "Fail beside a delay",
      "root": {"id": "both", "type": "Parallel", "activities": [
        {"id": "later", "type": "Sequence", "activities": [
          {"id": "delay", "type": "Delay", "inputs": {"duration": "200ms"}},
          {"id": "after", "type": "Count"}
        ]},
        {"id": "failing", "type": "Sequence", "activities": [
          {"id": "first", "type": "Count"},
          {"id": "boom", "type": "Fail", "inputs": {"message": "broken"}}
        ]}
      ]}
    }
    """;

    public const string FailOnce = """
    {
      "id": "fail-once", "name": "Fail unless told otherwise",
      "variables": [{"name": "ok", "type": "boolean", "default": false}],
      "root": {"id": "seq", "type": "Sequence", "activities": [
        {"id": "counted", "type": "Count"},
        {"id": "check", "type": "If", "inputs": {"condition": {"expression": "{{ input.ok }}"}},
         "else": {"id": "boom", "type": "Fail", "inputs": {"message": "not ok"}}}
      ]}
    }
    """;
}
