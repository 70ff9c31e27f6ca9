namespace Streamis.Workflows.Host.Tests.Support;

/// <summary>Definitions the API tests run, each under an id of the caller's choosing.</summary>
internal static class TestWorkflows
{
    public static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>Says hello: one required string input, one output.</summary>
    public static string Greeting(string id) => """
    {"id": "@id", "name": "Greeting",
     "inputs": [{"name": "who", "type": "string", "required": true}],
     "outputs": [{"name": "greeting", "type": "string", "value": "Hello {{ input.who }}"}],
     "root": {"id": "say", "type": "Log", "inputs": {"message": {"expression": "Hello {{ input.who }}"}}}}
    """.Replace("@id", id);

    /// <summary>Waits for <paramref name="signal"/>; its payload's <c>approvedBy</c> becomes the output.</summary>
    public static string WaitForSignal(string id, string signal = "approve") => """
    {"id": "@id", "name": "Wait for approval",
     "outputs": [{"name": "approvedBy", "type": "string", "value": "{{ activities.wait.payload.approvedBy }}"}],
     "root": {"id": "seq", "type": "Sequence", "activities": [
       {"id": "before", "type": "Log", "inputs": {"message": "waiting"}},
       {"id": "wait", "type": "WaitForSignal", "inputs": {"signal": "@signal"}},
       {"id": "after", "type": "Log", "inputs": {"message": {"expression": "approved by {{ activities.wait.payload.approvedBy }}"}}}
     ]}}
    """.Replace("@id", id).Replace("@signal", signal);

    /// <summary>Faults on purpose with <paramref name="message"/>.</summary>
    public static string Failing(string id, string message = "broken on purpose") => """
    {"id": "@id", "name": "Failing",
     "root": {"id": "seq", "type": "Sequence", "activities": [
       {"id": "first", "type": "Log", "inputs": {"message": "about to fail"}},
       {"id": "boom", "type": "Fail", "inputs": {"message": "@message"}}
     ]}}
    """.Replace("@id", id).Replace("@message", message);

    /// <summary>
    /// Waits as long as its <c>duration</c> input says. Given something that is not a duration, the Delay activity
    /// throws while reading its input.
    /// </summary>
    public static string DelayFromInput(string id) => """
    {"id": "@id", "name": "Delay from input",
     "inputs": [{"name": "duration", "type": "string", "required": true}],
     "outputs": [{"name": "done", "type": "boolean", "value": "{{ true }}"}],
     "root": {"id": "pause", "type": "Delay", "inputs": {"duration": {"expression": "{{ input.duration }}"}}}}
    """.Replace("@id", id);

    /// <summary>Completes at once, or suspends waiting for <c>release</c> when started with <c>hold: true</c>.</summary>
    public static string MaybeHold(string id) => """
    {"id": "@id", "name": "Maybe hold",
     "inputs": [{"name": "hold", "type": "boolean", "default": false}],
     "root": {"id": "check", "type": "If", "inputs": {"condition": {"expression": "{{ input.hold }}"}},
       "then": {"id": "wait", "type": "WaitForSignal", "inputs": {"signal": "release"}},
       "else": {"id": "done", "type": "Log", "inputs": {"message": "not held"}}}}
    """.Replace("@id", id);
}
