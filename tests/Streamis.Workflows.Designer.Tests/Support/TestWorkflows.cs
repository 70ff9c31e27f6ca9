namespace Streamis.Workflows.Designer.Tests.Support;

/// <summary>Definitions the browser tests arrange, each under an id of the test's choosing (placeholders start with @).</summary>
public static class TestWorkflows
{
    private static string At(int x, int y) => $"{{\"designer\": {{\"position\": {{\"x\": {x}, \"y\": {y}}}}}}}";

    /// <summary>Logs, runs workflow <paramref name="childId"/>, then logs what the child answered.</summary>
    public static string CallsChild(string id, string childId) => """
    {"id": "@id", "name": "Calls a child",
     "root": {"id": "flow", "type": "Flowchart",
       "activities": [
         {"id": "before", "type": "Log", "inputs": {"message": "calling the child"}, "metadata": @at0},
         {"id": "callChild", "type": "RunWorkflow", "inputs": {"definitionId": "@child"}, "metadata": @at1},
         {"id": "after", "type": "Log", "inputs": {"message": {"expression": "child said {{ activities.callChild.output.greeting }}"}}, "metadata": @at2}
       ],
       "connections": [{"from": "before", "outcome": "Done", "to": "callChild"}, {"from": "callChild", "outcome": "Done", "to": "after"}]}}
    """.Replace("@id", id).Replace("@child", childId).Replace("@at0", At(0, 0)).Replace("@at1", At(260, 0)).Replace("@at2", At(520, 0));

    public static string Child(string id) => """
    {"id": "@id", "name": "Child",
     "outputs": [{"name": "greeting", "type": "string", "value": "hello"}],
     "root": {"id": "say", "type": "Log", "inputs": {"message": "child runs"}}}
    """.Replace("@id", id);

    /// <summary>Waits for the signal <paramref name="signal"/>; its payload's <c>by</c> becomes the output.</summary>
    public static string Approval(string id, string signal) => """
    {"id": "@id", "name": "Needs approval",
     "inputs": [{"name": "job", "type": "string", "required": true, "description": "Flink job"}],
     "outputs": [{"name": "approvedBy", "type": "string", "value": "{{ activities.approval.payload.by }}"}],
     "root": {"id": "steps", "type": "Sequence", "activities": [
       {"id": "ask", "type": "Log", "inputs": {"message": {"expression": "Restart of {{ input.job }} needs approval"}}},
       {"id": "approval", "type": "WaitForSignal", "inputs": {"signal": "@signal"}},
       {"id": "done", "type": "Log", "inputs": {"message": {"expression": "Approved by {{ activities.approval.payload.by }}"}}}
     ]}}
    """.Replace("@id", id).Replace("@signal", signal);

    /// <summary>A flowchart of <paramref name="count"/> Log activities in a chain, laid out on a grid unless told not to.</summary>
    public static string Chain(string id, int count, bool withPositions = true)
    {
        var activities = Enumerable.Range(1, count).Select(i =>
            $"{{\"id\": \"a{i}\", \"type\": \"Log\", \"inputs\": {{\"message\": \"step {i}\"}}"
            + (withPositions ? $", \"metadata\": {At((i - 1) % 20 * 240, (i - 1) / 20 * 140)}" : "") + "}");
        var connections = Enumerable.Range(1, count - 1).Select(i => $"{{\"from\": \"a{i}\", \"outcome\": \"Done\", \"to\": \"a{i + 1}\"}}");
        return $"{{\"id\": \"{id}\", \"name\": \"{count} steps\", \"root\": {{\"id\": \"flow\", \"type\": \"Flowchart\", "
            + $"\"activities\": [{string.Join(",\n", activities)}], \"connections\": [{string.Join(",", connections)}]}}}}";
    }

    /// <summary>A flowchart with an If whose branches are empty, and a Switch with two cases.</summary>
    public static string Branches(string id) => """
    {"id": "@id", "name": "Branches",
     "root": {"id": "flow", "type": "Flowchart",
       "activities": [
         {"id": "check", "type": "If", "inputs": {"condition": {"expression": "{{ true }}"}}, "metadata": @at0},
         {"id": "route", "type": "Switch", "inputs": {"value": "b", "cases": [{"name": "Alpha", "value": "a"}, {"name": "Beta", "value": "b"}]}, "metadata": @at1}
       ],
       "connections": [{"from": "check", "outcome": "True", "to": "route"}]}}
    """.Replace("@id", id).Replace("@at0", At(0, 0)).Replace("@at1", At(300, 0));
}
