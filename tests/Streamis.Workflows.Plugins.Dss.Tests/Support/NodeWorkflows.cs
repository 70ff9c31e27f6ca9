using Streamis.Workflows.Host.Tests.Support;

namespace Streamis.Workflows.Plugins.Dss.Tests.Support;

/// <summary>Workflows a DSS node runs in the tests, each published under an id of the caller's choosing.</summary>
internal static class NodeWorkflows
{
    /// <summary>
    /// Waits for <paramref name="signal"/>, then answers its inputs and who started it, with the workspace the
    /// DSS request came from.
    /// </summary>
    public static string Waiting(string id, string signal) => """
    {"id": "@id", "name": "Wait then report",
     "inputs": [{"name": "runDate", "type": "string", "required": true}, {"name": "target", "type": "string"}, {"name": "run_date", "type": "string"}],
     "outputs": [{"name": "runDate", "type": "string", "value": "{{ input.runDate }}"},
                 {"name": "variable", "type": "string", "value": "{{ input.run_date }}"},
                 {"name": "target", "type": "string", "value": "{{ input.target }}"},
                 {"name": "user", "type": "string", "value": "{{ input.startedBy.user }}"},
                 {"name": "workspace", "type": "string", "value": "{{ input.startedBy.workspace }}"},
                 {"name": "route", "type": "string", "value": "{{ input.startedBy.labels.route }}"}],
     "root": {"id": "steps", "type": "Sequence", "activities": [
       {"id": "hello", "type": "Log", "inputs": {"message": {"expression": "run for {{ input.runDate }}"}}},
       {"id": "gate", "type": "WaitForSignal", "inputs": {"signal": "@signal"}},
       {"id": "bye", "type": "Log", "inputs": {"message": "released"}}
     ]}}
    """.Replace("@id", id).Replace("@signal", signal);

    /// <summary>One result per job, as a bulk run reports them.</summary>
    public static string PerJob(string id) => """
    {"id": "@id", "name": "Per job",
     "inputs": [{"name": "jobs", "type": "array", "required": true}],
     "outputs": [{"name": "results", "type": "array", "value": "{{ activities.each.results }}"},
                 {"name": "total", "type": "integer", "value": "{{ input.jobs | array.size }}"}],
     "root": {"id": "each", "type": "ParallelForEach", "inputs": {"items": {"expression": "{{ input.jobs }}"}},
       "body": {"id": "touch", "type": "Log", "inputs": {"message": {"expression": "job {{ item }}"}}}}}
    """.Replace("@id", id);

    public static string Failing(string id) => TestWorkflows.Failing(id, "the cluster said no");
}
