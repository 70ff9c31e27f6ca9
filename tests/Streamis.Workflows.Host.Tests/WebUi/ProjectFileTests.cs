using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Tests.StreamisRest;

namespace Streamis.Workflows.Host.Tests.WebUi;

/// <summary>The project resource files page (<c>#/projectResourceFiles</c>) with the fields the UI sends and reads.</summary>
public sealed class ProjectFileTests : IDisposable
{
    private const string Files = StreamisFixture.Base + "/streamProjectManager/project/files";
    private readonly WebUiFixture ui = new();

    private static MultipartFormDataContent Form(string project, string fileName, string version, string content, bool? updateWhenExists = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(fileName), "fileName");
        form.Add(new StringContent(project), "projectName");
        form.Add(new StringContent(version), "version");
        form.Add(new StringContent("a comment"), "comment");
        if (updateWhenExists is { } update) form.Add(new StringContent(update ? "true" : "false"), "updateWhenExists");
        return form;
    }

    private static async Task<JsonArray> FilesAsync(HttpClient client, string url) => (await Envelope.OkAsync(await client.GetAsync(url)))["data"]!["files"]!.AsArray();

    [Fact]
    public async Task Upload_list_versions_and_download_give_back_the_bytes_of_each_version()
    {
        var project = await ui.ProjectAsync();
        var alice = await ui.SignedInAsync("alice", WebUiFixture.AlicePassword);
        await Envelope.OkAsync(await alice.PostAsync($"{Files}/upload", Form(project, "udf.jar", "v1", "first")));
        await Envelope.OkAsync(await alice.PostAsync($"{Files}/upload", Form(project, "udf.jar", "v2", "second")));
        await Envelope.OkAsync(await alice.PostAsync($"{Files}/upload", Form(project, "dim.csv", "1.0", "a,b")));

        var list = await Envelope.OkAsync(await alice.GetAsync($"{Files}/list?projectName={project}&pageNow=1&pageSize=10"));
        Assert.Equal(2, (long)list["data"]!["totalPage"]!);
        var newest = list["data"]!["files"]!.AsArray().Single(f => (string?)f!["fileName"] == "udf.jar")!;
        Assert.Equal("v2", (string?)newest["version"]);
        Assert.Equal("alice", (string?)newest["createBy"]);
        Assert.Equal("a comment", (string?)newest["comment"]);
        Assert.Single(await FilesAsync(alice, $"{Files}/list?projectName={project}&pageNow=1&pageSize=10&filename=dim"));

        var versions = await FilesAsync(alice, $"{Files}/version/list?fileName=udf.jar&projectName={project}&pageNow=1&pageSize=10");
        Assert.Equal(["v2", "v1"], versions.Select(v => (string)v!["version"]!));
        var v1 = (long)versions.Single(v => (string?)v!["version"] == "v1")!["id"]!;
        using var download = await alice.GetAsync($"{Files}/download?id={v1}&projectName={project}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("first", await download.Content.ReadAsStringAsync());
        Assert.Equal("udf.jar", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task The_same_version_again_is_warning_4_unless_updateWhenExists_which_replaces_the_bytes()
    {
        var project = await ui.ProjectAsync();
        var alice = await ui.SignedInAsync("alice", WebUiFixture.AlicePassword);
        await Envelope.OkAsync(await alice.PostAsync($"{Files}/upload", Form(project, "udf.jar", "v1", "old")));

        var warned = await Envelope.ReadAsync(await alice.PostAsync($"{Files}/upload", Form(project, "udf.jar", "v1", "new", updateWhenExists: false)), HttpStatusCode.OK, 4);
        Assert.Contains("udf.jar", (string?)warned["message"]);
        var id = (long)(await FilesAsync(alice, $"{Files}/version/list?fileName=udf.jar&projectName={project}"))[0]!["id"]!;
        Assert.Equal("old", await (await alice.GetAsync($"{Files}/download?id={id}&projectName={project}")).Content.ReadAsStringAsync());

        await Envelope.OkAsync(await alice.PostAsync($"{Files}/upload", Form(project, "udf.jar", "v1", "new", updateWhenExists: true)));
        var versions = await FilesAsync(alice, $"{Files}/version/list?fileName=udf.jar&projectName={project}");
        Assert.Single(versions);
        Assert.Equal("new", await (await alice.GetAsync($"{Files}/download?id={(long)versions[0]!["id"]!}&projectName={project}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Delete_removes_every_version_and_version_delete_only_the_named_ones()
    {
        var project = await ui.ProjectAsync();
        var alice = await ui.SignedInAsync("alice", WebUiFixture.AlicePassword);
        foreach (var v in new[] { "v1", "v2", "v3" })
            await Envelope.OkAsync(await alice.PostAsync($"{Files}/upload", Form(project, "a.jar", v, v)));
        await Envelope.OkAsync(await alice.PostAsync($"{Files}/upload", Form(project, "b.jar", "v1", "b")));
        var ids = (await FilesAsync(alice, $"{Files}/version/list?fileName=a.jar&projectName={project}")).Select(f => (long)f!["id"]!).ToList();

        await Envelope.OkAsync(await alice.GetAsync($"{Files}/version/delete?ids={ids[0]},{ids[1]}"));
        Assert.Equal(["v1"], (await FilesAsync(alice, $"{Files}/version/list?fileName=a.jar&projectName={project}")).Select(f => (string)f!["version"]!));
        await Envelope.ErrorAsync(await alice.GetAsync($"{Files}/download?id={ids[0]}&projectName={project}"));

        await Envelope.OkAsync(await alice.GetAsync($"{Files}/delete?fileName=a.jar&projectName={project}"));
        Assert.Equal(["b.jar"], (await FilesAsync(alice, $"{Files}/list?projectName={project}")).Select(f => (string)f!["fileName"]!));
    }

    [Fact]
    public async Task Access_may_list_but_only_edit_may_upload_delete_or_download()
    {
        var project = await ui.ProjectAsync();
        var alice = await ui.SignedInAsync("alice", WebUiFixture.AlicePassword);
        await Envelope.OkAsync(await alice.PostAsync($"{Files}/upload", Form(project, "udf.jar", "v1", "x")));
        var id = (long)(await FilesAsync(alice, $"{Files}/list?projectName={project}"))[0]!["id"]!;
        var bob = await ui.SignedInAsync("bob", WebUiFixture.BobPassword);

        Assert.Single(await FilesAsync(bob, $"{Files}/list?projectName={project}"));
        Assert.Single(await FilesAsync(bob, $"{Files}/version/list?fileName=udf.jar&projectName={project}"));
        foreach (var refused in new[]
        {
            await bob.PostAsync($"{Files}/upload", Form(project, "other.jar", "v1", "x")),
            await bob.GetAsync($"{Files}/download?id={id}&projectName={project}"),
            await bob.GetAsync($"{Files}/delete?fileName=udf.jar&projectName={project}"),
            await bob.GetAsync($"{Files}/version/delete?ids={id}"),
        })
            Assert.Contains("no privilege", (string?)(await Envelope.ErrorAsync(refused))["message"]);
        Assert.Single(await FilesAsync(alice, $"{Files}/list?projectName={project}"));

        // Edit on one project opens no other project's files.
        var other = await ui.ProjectAsync();
        await Envelope.ErrorAsync(await alice.GetAsync($"{Files}/download?id={id}&projectName={other}"));
    }

    [Theory]
    [InlineData("../escape.jar", "v1", "fileName")]
    [InlineData("ok.jar", "", "version")]
    [InlineData("ok.jar", "a-version-far-too-long-for-the-column", "version")]
    public async Task A_bad_upload_field_is_named(string fileName, string version, string field)
    {
        var project = await ui.ProjectAsync();
        var alice = await ui.SignedInAsync("alice", WebUiFixture.AlicePassword);
        using var response = await alice.PostAsync($"{Files}/upload", Form(project, fileName, version, "x"));
        Assert.True((int)response.StatusCode < 500);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(1, (int)body["status"]!);
        Assert.Contains(field, (string?)body["message"]);
    }

    public void Dispose() => ui.Dispose();
}
