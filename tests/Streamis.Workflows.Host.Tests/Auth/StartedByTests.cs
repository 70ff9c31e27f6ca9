using Streamis.Workflows.Host.Tests.Support;

namespace Streamis.Workflows.Host.Tests.Auth;

/// <summary>Every instance started through the API knows who started it (<c>input.startedBy</c>), and nobody can pose as another.</summary>
public sealed class StartedByTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static string Echo(string id) => """
    {"id": "@id", "name": "Who started me",
     "outputs": [{"name": "user", "type": "string", "value": "{{ input.startedBy.user }}"}],
     "root": {"id": "say", "type": "Log", "inputs": {"message": {"expression": "started by {{ input.startedBy.user }}"}}}}
    """.Replace("@id", id);

    [Fact]
    public async Task An_instance_started_by_the_api_carries_its_caller_even_when_the_input_claims_another()
    {
        var id = TestWorkflows.UniqueId("started-by");
        await fixture.Host.ClientFor("admin").SaveDefinitionAsync(Echo(id));

        var details = await fixture.Host.ClientFor("operator").StartAndWaitAsync(id, new { startedBy = new { user = "admin" } });

        Assert.Equal("Completed", details.Status());
        Assert.Equal("ops", (string)details["output"]!["user"]!);
    }
}
