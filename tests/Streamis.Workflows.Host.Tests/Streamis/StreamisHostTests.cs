using System.Net;
using Microsoft.EntityFrameworkCore;
using Streamis.Workflows.Host.StreamisRest;
using Streamis.Workflows.StreamJobs;

namespace Streamis.Workflows.Host.Tests.StreamisRest;

/// <summary>The domain wired into the host, and the envelope every Streamis answer comes in.</summary>
public class StreamisHostTests(StreamisFixture fixture) : IClassFixture<StreamisFixture>
{
    [Fact]
    public async Task The_host_migrates_the_stream_job_tables_and_keeps_job_files_in_its_data_folder()
    {
        var database = fixture.Service<StreamJobsDatabase>();
        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'sj\\_%' ESCAPE '\\'";
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));

        Assert.Contains("sj_projects", tables);
        Assert.Contains("sj_jobs", tables);
        Assert.Contains("sj_job_versions", tables);
        Assert.Contains("sj_config_definitions", tables);
        Assert.Equal(Path.Combine(fixture.Host.DataDirectory, "job-files"), fixture.Service<StreamJobsOptions>().FileStoreDirectory);
    }

    [Fact]
    public async Task Anonymous_callers_get_status_minus_one_with_http_401_so_the_ui_goes_to_its_login_page()
    {
        var response = await fixture.As(null).GetAsync($"{StreamisFixture.Base}/streamJobManager/job/list?projectName=x");

        var body = await Envelope.ReadAsync(response, HttpStatusCode.Unauthorized, -1);
        Assert.Contains("login", (string)body["message"]!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_token_is_answered_in_the_envelope_too()
    {
        var client = fixture.Host.CreateClient();
        client.DefaultRequestHeaders.Add("Token-User", "editor");
        client.DefaultRequestHeaders.Add("Token-Code", "wrong");

        await Envelope.ReadAsync(await client.GetAsync($"{StreamisFixture.Base}/streamJobManager/config/definitions"), HttpStatusCode.Unauthorized, -1);
    }

    [Fact]
    public async Task Unknown_routes_under_the_prefix_answer_the_envelope_and_other_routes_keep_problem_bodies()
    {
        var response = await fixture.As("editor").GetAsync($"{StreamisFixture.Base}/streamJobManager/nothing");
        var body = await Envelope.ReadAsync(response, HttpStatusCode.NotFound, 1);
        Assert.Contains("cannot be answered", (string)body["message"]!);

        var other = await fixture.As(null).GetAsync("/api/workflows/definitions");
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(-1, 401)]
    [InlineData(0, 200)]
    [InlineData(1, 400)]
    [InlineData(2, 412)]
    [InlineData(3, 403)]
    [InlineData(4, 206)]
    public void Linkis_statuses_map_to_http_as_linkis_maps_them(int status, int http) =>
        Assert.Equal(http, LinkisStatus.HttpStatusFor(status));
}
