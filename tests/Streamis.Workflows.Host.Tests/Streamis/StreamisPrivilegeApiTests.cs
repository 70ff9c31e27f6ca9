using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.Host.Tests.StreamisRest;

/// <summary><c>/streamis/project/projectPrivilege</c>: the caller's ranks on a project, by name, by id, and in bulk.</summary>
public class StreamisPrivilegeApiTests(StreamisFixture fixture) : IClassFixture<StreamisFixture>
{
    private const string Privilege = StreamisFixture.Base + "/project/projectPrivilege";

    [Theory]
    [InlineData("nobody", false, false, false)]
    [InlineData("creator", false, false, false)]
    [InlineData("accessor", false, false, true)]
    [InlineData("editor", false, true, true)]
    [InlineData("releaser", true, true, true)]
    [InlineData("admin", true, true, true)]
    public async Task Each_check_answers_the_inclusive_rank_by_name_id_and_bulk(string user, bool release, bool edit, bool access)
    {
        var project = await fixture.ProjectAsync();
        var projectId = (await fixture.Service<ProjectService>().FindAsync(project))!.Id;
        var client = fixture.As(user);
        foreach (var (path, field, expected) in new[] { ("hasReleasePrivilege", "releasePrivilege", release), ("hasEditPrivilege", "editPrivilege", edit), ("hasAccessPrivilege", "accessPrivilege", access) })
        {
            var byName = await Envelope.OkAsync(await client.GetAsync($"{Privilege}/{path}?projectName={project}"));
            Assert.Equal([field], byName["data"]!.AsObject().Select(p => p.Key));
            Assert.Equal(expected, (bool)byName["data"]![field]!);
            Assert.Equal(expected, (bool)(await Envelope.OkAsync(await client.GetAsync($"{Privilege}/{path}?projectId={projectId}")))["data"]![field]!);
            Assert.Equal(expected, (bool)(await Envelope.OkAsync(await client.GetAsync($"{Privilege}/bulk/{path}?projectNames=unknown,{project}")))["data"]![field]!);
            Assert.Equal(expected, (bool)(await Envelope.OkAsync(await client.GetAsync($"{Privilege}/bulk/{path}?projectIds={projectId}")))["data"]![field]!);
        }
    }

    [Fact]
    public async Task GetProjectPrivilege_lists_the_callers_own_rows()
    {
        var project = await fixture.ProjectAsync();

        var body = await Envelope.OkAsync(await fixture.As("editor").GetAsync($"{Privilege}/getProjectPrivilege?projectName={project}"));
        var row = Assert.Single(body["data"]!["projectPrivileges"]!.AsArray())!;
        Assert.Equal("editor", (string?)row["userName"]);
        Assert.Equal(2, (int)row["privilege"]!);
        Assert.Empty((await Envelope.OkAsync(await fixture.As("nobody").GetAsync($"{Privilege}/getProjectPrivilege?projectName={project}")))["data"]!["projectPrivileges"]!.AsArray());
    }

    [Fact]
    public async Task Unknown_projects_hold_no_privilege_and_missing_or_bad_parameters_are_named()
    {
        var client = fixture.As("admin");
        Assert.False((bool)(await Envelope.OkAsync(await client.GetAsync($"{Privilege}/hasEditPrivilege?projectId=987654321")))["data"]!["editPrivilege"]!);
        Assert.Contains("projectName or projectId cannot be empty!", (string)(await Envelope.BadAsync(await client.GetAsync($"{Privilege}/hasEditPrivilege")))["message"]!);
        Assert.Contains("projectId must be a positive whole number", (string)(await Envelope.BadAsync(await client.GetAsync($"{Privilege}/hasEditPrivilege?projectId=x")))["message"]!);
        Assert.Contains("projectNames or projectIds cannot be empty!", (string)(await Envelope.BadAsync(await client.GetAsync($"{Privilege}/bulk/hasEditPrivilege")))["message"]!);
    }
}
