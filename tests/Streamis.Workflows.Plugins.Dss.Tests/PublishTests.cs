using System.Net.Http.Json;
using System.Text;
using Streamis.Workflows.Host.Tests.StreamisRest;
using Streamis.Workflows.Plugins.Dss.Tests.Support;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.Plugins.Dss.Tests;

/// <summary>A DSS publish of a Flink SQL workflow (the fields of Streamis' ImportJobManagerRequest) becoming job versions.</summary>
public sealed class PublishTests(DssHost dss) : IClassFixture<DssHost>
{
    private const string Publish = "/api/rest_j/v1/streamis/dss/job/publish";

    [Fact]
    public async Task A_publish_makes_a_flink_sql_version_and_the_next_one_a_new_version()
    {
        var project = DssHost.UniqueName("publish");
        await dss.CreateProjectAsync(project, "alice");
        var request = new
        {
            streamJobName = "orders_etl", type = "flink.sql", executionCode = "insert into sink select * from orders", createBy = "alice", updateBy = "alice",
            description = "from DSS", tags = new[] { "dss", "etl" }, publishUser = "alice", workspaceName = "bdp", version = "v000004", projectName = project,
            workflowId = 42, workflowName = "orders_flow",
        };

        var first = await Envelope.OkAsync(await dss.Dss("alice").PostAsJsonAsync(Publish, request));
        var second = await Envelope.OkAsync(await dss.Dss("alice").PostAsJsonAsync(Publish, request with { }));

        var jobId = (long)first["data"]!["streamJobId"]!;
        Assert.Equal(0, (int)first["data"]!["status"]!);
        Assert.Equal("Publish succeed.", (string?)first["data"]!["errorMessage"]);
        Assert.Equal("v00001", (string?)first["data"]!["jobVersion"]);
        Assert.Equal(jobId, (long)second["data"]!["streamJobId"]!);
        Assert.Equal("v00002", (string?)second["data"]!["jobVersion"]);
        var jobs = dss.Service<JobService>();
        var job = (await jobs.FindAsync(jobId))!;
        Assert.Equal(("flink.sql", "dss,etl", "from DSS", "bdp", "alice"), (job.JobType, job.Label, job.Description, job.WorkspaceName, job.CreateBy));
        var version = (await jobs.GetVersionAsync(jobId, "v00001"))!;
        Assert.Equal("Published from DSS with v000004", version.Comment);
        var content = version.JobContent;
        Assert.Equal(("sql", "insert into sink select * from orders", "42", "orders_flow"),
            ((string?)content["type"], (string?)content["sql"], (string?)content["workflowId"], (string?)content["workflowName"]));
    }

    [Fact]
    public async Task Publishing_needs_edit_on_the_project_and_only_an_admin_may_publish_for_someone_else()
    {
        var project = DssHost.UniqueName("guarded");
        await dss.CreateProjectAsync(project, "alice", access: ["carol"]);
        var request = new { streamJobName = "j", executionCode = "select 1", projectName = project };

        var byReader = await Envelope.ErrorAsync(await dss.Dss("carol").PostAsJsonAsync(Publish, request));
        var forAnother = await Envelope.ErrorAsync(await dss.Dss("carol").PostAsJsonAsync(Publish, new { request.streamJobName, request.executionCode, request.projectName, publishUser = "alice" }));
        var byGateway = await Envelope.OkAsync(await dss.Admin.PostAsJsonAsync(Publish, new { request.streamJobName, request.executionCode, request.projectName, publishUser = "alice" }));

        Assert.Contains("carol has no edit privilege", (string?)byReader["message"]);
        Assert.Equal(600503, (int)byReader["data"]!["errorCode"]!);
        Assert.Contains("only a host admin may publish for another user", (string?)forAnother["message"]);
        Assert.Equal("alice", (await dss.Service<JobService>().FindAsync((long)byGateway["data"]!["streamJobId"]!))!.CreateBy);
    }

    [Fact]
    public async Task An_unknown_project_is_refused()
    {
        var body = await Envelope.ErrorAsync(await dss.Admin.PostAsJsonAsync(Publish, new { streamJobName = "j", executionCode = "select 1", projectName = "no-such-project-here" }));

        Assert.Equal("project no-such-project-here does not exist", (string?)body["message"]);
    }

    [Theory]
    [InlineData("""{"executionCode": "select 1", "projectName": "p"}""", "streamJobName cannot be empty!")]
    [InlineData("""{"streamJobName": "j", "projectName": "p"}""", "executionCode cannot be empty!")]
    [InlineData("""{"streamJobName": "j", "executionCode": "select 1"}""", "projectName cannot be empty!")]
    [InlineData("""{"streamJobName": "j", "executionCode": "x", "projectName": "p", "type": "flink.jar"}""", "type \"flink.jar\" cannot be published here")]
    [InlineData("""{"streamJobName": "j", "executionCode": "x", "projectName": "p", "tags": [1]}""", "tags[0] must be a string")]
    public async Task Malformed_publications_are_named_with_HTTP_400(string json, string message)
    {
        var response = await dss.Dss("alice").PostAsync(Publish, new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Contains(message, (string?)(await Envelope.BadAsync(response))["message"]);
    }
}
