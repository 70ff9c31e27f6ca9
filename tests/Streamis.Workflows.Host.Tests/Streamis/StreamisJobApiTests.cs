using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Streamis.Workflows.Host.Tests.StreamisRest;

/// <summary><c>/streamJobManager/job</c>: shapes as Streamis answers them, its privilege rules, and bad input.</summary>
public class StreamisJobApiTests(StreamisFixture fixture) : IClassFixture<StreamisFixture>
{
    private const string Job = StreamisFixture.Base + "/streamJobManager/job";

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    [Fact]
    public async Task CreateOrUpdate_creates_then_versions_a_job_and_answers_its_id()
    {
        var project = await fixture.ProjectAsync();
        var editor = fixture.As("editor");

        var first = await Envelope.OkAsync(await editor.PostAsync($"{Job}/createOrUpdate", Json(StreamisFixture.SqlBody(project, "j"))));
        var second = await Envelope.OkAsync(await editor.PostAsync($"{Job}/createOrUpdate", Json(StreamisFixture.SqlBody(project, "j", "select 2"))));

        var jobId = (long)first["data"]!["jobId"]!;
        Assert.Equal(jobId, (long)second["data"]!["jobId"]!);
        var v2 = await Envelope.OkAsync(await editor.GetAsync($"{Job}/version?jobId={jobId}&version=v00002"));
        var detail = v2["data"]!["detail"]!.AsObject();
        Assert.Equal(["id", "version", "description", "releaseTime", "createBy", "projectName"], detail.Select(p => p.Key));
        Assert.Equal("v00002", (string?)detail["version"]);
        Assert.Equal("editor", (string?)detail["createBy"]);
        Assert.Equal(project, (string?)detail["projectName"]);
        Assert.Equal("the job", (string?)detail["description"]);
        Assert.True((long)detail["releaseTime"]! > 1_600_000_000_000);

        var latest = await Envelope.OkAsync(await editor.GetAsync($"{Job}/jobContent?jobId={jobId}"));
        Assert.Equal("select 2", (string?)latest["data"]!["jobContent"]!["sql"]);
        Assert.Equal(project, (string?)latest["data"]!["jobContent"]!["projectName"]);
        var first1 = await Envelope.OkAsync(await editor.GetAsync($"{Job}/jobContent?jobId={jobId}&version=v00001"));
        Assert.Equal("select 1", (string?)first1["data"]!["jobContent"]!["sql"]);
    }

    [Fact]
    public async Task Jar_job_content_is_answered_in_camel_case()
    {
        var project = await fixture.ProjectAsync();
        var meta = new JsonObject
        {
            ["projectName"] = project, ["jobName"] = "jar", ["jobType"] = "flink.jar",
            ["jobContent"] = new JsonObject
            {
                ["main.class.jar"] = "app.jar", ["main.class"] = "com.example.Main", ["args"] = new JsonArray("--a", "1"),
                ["hdfs.jars"] = new JsonArray(), ["dependency.jars"] = new JsonArray(), ["resources"] = new JsonArray(),
            },
        };
        var saved = await Envelope.OkAsync(await fixture.As("admin").PostAsync($"{Job}/upload", Upload(project, Zip(("meta.json", meta.ToJsonString()), ("app.jar", "jar bytes")))));

        var content = (await Envelope.OkAsync(await fixture.As("admin").GetAsync($"{Job}/jobContent?jobId={(long)saved["data"]!["jobId"]!}")))["data"]!["jobContent"]!.AsObject();
        Assert.Equal(["projectName", "jobType", "mainClassJar", "mainClass", "args", "hdfsJars", "dependencyJars", "resources"], content.Select(p => p.Key));
        Assert.Equal("com.example.Main", (string?)content["mainClass"]);
        Assert.Equal("app.jar", (string?)content["mainClassJar"]);
        Assert.Equal(["--a", "1"], content["args"]!.AsArray().Select(a => (string)a!));
    }

    [Fact]
    public async Task CreateOrUpdate_names_every_missing_or_mistyped_field()
    {
        var project = await fixture.ProjectAsync();
        var body = await Envelope.ErrorAsync(await fixture.As("editor").PostAsync($"{Job}/createOrUpdate",
            Json(new JsonObject { ["projectName"] = project, ["jobName"] = 5 })));

        var message = (string)body["message"]!;
        Assert.Contains("jobName must be a string", message);
        Assert.Contains("jobType cannot be empty!", message);
        Assert.Contains("jobContent cannot be empty!", message);
        Assert.Equal(30030, (int)body["data"]!["errorCode"]!);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public async Task CreateOrUpdate_refuses_a_body_that_is_not_a_json_object(string text)
    {
        var body = await Envelope.BadAsync(await fixture.As("editor").PostAsync($"{Job}/createOrUpdate", new StringContent(text, Encoding.UTF8, "application/json")));
        Assert.Contains("body", (string)body["message"]!);
    }

    [Fact]
    public async Task CreateOrUpdate_in_an_unknown_project_is_a_clean_refusal()
    {
        var body = await Envelope.ErrorAsync(await fixture.As("admin").PostAsync($"{Job}/createOrUpdate", Json(StreamisFixture.SqlBody("no-such-project", "j"))));
        Assert.Contains("does not exist", (string)body["message"]!);
    }

    [Theory]
    [InlineData("nobody", false)]
    [InlineData("accessor", false)]
    [InlineData("editor", true)]
    [InlineData("releaser", true)]
    [InlineData("admin", true)]
    [InlineData("ops", false)]
    public async Task CreateOrUpdate_of_a_new_job_needs_edit_on_the_project(string user, bool allowed)
    {
        var project = await fixture.ProjectAsync();
        var response = await fixture.As(user).PostAsync($"{Job}/createOrUpdate", Json(StreamisFixture.SqlBody(project, "j")));
        if (allowed) await Envelope.OkAsync(response);
        else Assert.Contains("no edit privilege", (string)(await Envelope.ErrorAsync(response))["message"]!);
    }

    [Theory]
    [InlineData("nobody", false)]
    [InlineData("accessor", false)]
    [InlineData("editor", true)]
    [InlineData("creator", true)]
    [InlineData("visible", true)]
    [InlineData("admin", true)]
    public async Task CreateOrUpdate_of_an_existing_job_lets_its_creator_and_visible_users_in(string user, bool allowed)
    {
        var project = await fixture.ProjectAsync();
        await fixture.JobAsync(project, "j");
        var response = await fixture.As(user).PostAsync($"{Job}/createOrUpdate", Json(StreamisFixture.SqlBody(project, "j", "select 3")));
        if (allowed) await Envelope.OkAsync(response);
        else await Envelope.ErrorAsync(response);
    }

    [Theory]
    [InlineData("nobody", false)]
    [InlineData("accessor", true)]
    [InlineData("editor", true)]
    [InlineData("releaser", true)]
    [InlineData("creator", true)]
    [InlineData("visible", true)]
    [InlineData("admin", true)]
    [InlineData("watcher", false)]
    public async Task Version_and_job_content_need_access(string user, bool allowed)
    {
        var project = await fixture.ProjectAsync();
        var jobId = await fixture.JobAsync(project);
        var client = fixture.As(user);
        foreach (var url in new[] { $"{Job}/version?jobId={jobId}&version=v00001", $"{Job}/jobContent?jobId={jobId}&version=v00001" })
        {
            var response = await client.GetAsync(url);
            if (allowed) await Envelope.OkAsync(response);
            else Assert.Contains("Have no permission", (string)(await Envelope.ErrorAsync(response))["message"]!);
        }
    }

    [Fact]
    public async Task Unknown_jobs_and_versions_are_clean_not_found_refusals()
    {
        var project = await fixture.ProjectAsync();
        var jobId = await fixture.JobAsync(project);
        var admin = fixture.As("admin");

        var unknownJob = await Envelope.ErrorAsync(await admin.GetAsync($"{Job}/version?jobId=987654321&version=v00001"));
        Assert.Equal("StreamJob [987654321] does not exist", (string?)unknownJob["message"]);
        Assert.Equal("StreamJob [987654321] does not exist", (string?)(await Envelope.ErrorAsync(await admin.GetAsync($"{Job}/jobContent?jobId=987654321")))["message"]);
        var unknownVersion = await Envelope.ErrorAsync(await admin.GetAsync($"{Job}/version?jobId={jobId}&version=v00009"));
        Assert.Contains("has no version v00009", (string)unknownVersion["message"]!);
        Assert.DoesNotContain("   at ", unknownVersion.ToJsonString());
    }

    [Theory]
    [InlineData("/version?version=v00001", "jobId cannot be empty!")]
    [InlineData("/version?jobId=1", "version cannot be empty!")]
    [InlineData("/version?jobId=abc&version=v00001", "jobId must be a positive whole number")]
    [InlineData("/jobContent?jobId=-4", "jobId must be a positive whole number")]
    [InlineData("/jobContent?jobId=99999999999999999999999", "jobId must be a positive whole number")]
    [InlineData("/list?projectName=p&pageNow=x", "pageNow must be a whole number")]
    [InlineData("/list?projectName=p&pageSize=0", "pageSize must be between 1 and 500")]
    [InlineData("/list?projectName=p&jobStatus=running", "jobStatus must be a whole number")]
    public async Task Bad_parameters_are_named_with_http_400_and_status_1(string path, string message)
    {
        var body = await Envelope.BadAsync(await fixture.As("admin").GetAsync(Job + path));
        Assert.Contains(message, (string)body["message"]!);
    }

    [Fact]
    public async Task List_answers_tasks_and_total_with_streamis_fields_paged_and_filtered()
    {
        var project = await fixture.ProjectAsync();
        var a = await fixture.JobAsync(project, "alpha");
        var b = await fixture.JobAsync(project, "beta");
        await fixture.JobAsync(project, "gamma");
        var accessor = fixture.As("accessor");

        var all = await Envelope.OkAsync(await accessor.GetAsync($"{Job}/list?projectName={project}&pageNow=1&pageSize=2"));
        var tasks = all["data"]!["tasks"]!.AsArray();
        Assert.Equal(3, (int)all["data"]!["totalPage"]!);
        Assert.Equal(2, tasks.Count);
        var first = tasks[0]!.AsObject();
        Assert.Equal(["id", "name", "workspaceName", "projectId", "projectName", "jobType", "label", "createBy", "createTime", "status", "version", "lastVersionTime", "description"],
            first.Select(p => p.Key));
        Assert.Equal("gamma", (string?)first["name"]);
        Assert.Equal(0, (int)first["status"]!);
        Assert.Equal("v00001", (string?)first["version"]);
        Assert.Equal("flink.sql", (string?)first["jobType"]);
        Assert.Equal("a,b", (string?)first["label"]);
        Assert.Equal("creator", (string?)first["createBy"]);
        Assert.True((long)first["lastVersionTime"]! > 1_600_000_000_000);

        var page2 = await Envelope.OkAsync(await accessor.GetAsync($"{Job}/list?projectName={project}&pageNow=2&pageSize=2"));
        Assert.Equal([a], page2["data"]!["tasks"]!.AsArray().Select(t => (long)t!["id"]!));
        var named = await Envelope.OkAsync(await accessor.GetAsync($"{Job}/list?projectName={project}&jobName=et"));
        Assert.Equal([b], named["data"]!["tasks"]!.AsArray().Select(t => (long)t!["id"]!));
        var running = await Envelope.OkAsync(await accessor.GetAsync($"{Job}/list?projectName={project}&jobStatus=5"));
        Assert.Empty(running["data"]!["tasks"]!.AsArray());
        var byCreator = await Envelope.OkAsync(await accessor.GetAsync($"{Job}/list?projectName={project}&jobCreator=someone-else"));
        Assert.Equal(0, (int)byCreator["data"]!["totalPage"]!);
    }

    [Theory]
    [InlineData("nobody", 0)]
    [InlineData("creator", 0)]
    [InlineData("visible", 0)]
    [InlineData("accessor", 1)]
    [InlineData("editor", 1)]
    [InlineData("releaser", 1)]
    [InlineData("admin", 1)]
    public async Task List_shows_only_projects_where_the_caller_holds_a_rank(string user, int count)
    {
        var project = await fixture.ProjectAsync();
        await fixture.JobAsync(project);
        var body = await Envelope.OkAsync(await fixture.As(user).GetAsync($"{Job}/list?projectName={project}"));
        Assert.Equal(count, body["data"]!["tasks"]!.AsArray().Count);
        Assert.Equal(count, (int)body["data"]!["totalPage"]!);
    }

    [Fact]
    public async Task List_without_a_project_is_refused_with_status_1()
    {
        Assert.Contains("Project name cannot be empty", (string)(await Envelope.ErrorAsync(await fixture.As("admin").GetAsync($"{Job}/list")))["message"]!);
        await Envelope.ErrorAsync(await fixture.As("admin").GetAsync($"{Job}/list?projectName=null"));
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        return stream.ToArray();
    }

    private static MultipartFormDataContent Upload(string? project, byte[] zip, string fileName = "job.zip")
    {
        var form = new MultipartFormDataContent();
        if (project is not null) form.Add(new StringContent(project), "projectName");
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "file", fileName);
        return form;
    }

    private static string Meta(string project, string name) => StreamisFixture.SqlBody(project, name).ToJsonString();

    [Fact]
    public async Task Upload_reads_meta_json_from_the_zip_with_project_in_form_or_query()
    {
        var project = await fixture.ProjectAsync();
        var editor = fixture.As("editor");

        var inForm = await Envelope.OkAsync(await editor.PostAsync($"{Job}/upload", Upload(project, Zip(("meta.json", Meta(project, "up"))))));
        var inQuery = await Envelope.OkAsync(await editor.PostAsync($"{Job}/upload?projectName={project}", Upload(null, Zip(("meta.json", Meta(project, "up"))))));

        Assert.Equal((long)inForm["data"]!["jobId"]!, (long)inQuery["data"]!["jobId"]!);
        var version = await Envelope.OkAsync(await editor.GetAsync($"{Job}/version?jobId={(long)inForm["data"]!["jobId"]!}&version=v00002"));
        Assert.Equal("v00002", (string?)version["data"]!["detail"]!["version"]);
    }

    [Fact]
    public async Task Job_content_of_a_file_sql_job_answers_the_files_text_as_sql()
    {
        var project = await fixture.ProjectAsync();
        var meta = new JsonObject
        {
            ["projectName"] = project, ["jobName"] = "filesql", ["jobType"] = "flink.sql",
            ["jobContent"] = new JsonObject { ["type"] = "file", ["file"] = "job.sql" },
        };
        var saved = await Envelope.OkAsync(await fixture.As("editor").PostAsync($"{Job}/upload",
            Upload(project, Zip(("meta.json", meta.ToJsonString()), ("job.sql", "insert into t select * from s")))));

        var content = (await Envelope.OkAsync(await fixture.As("accessor").GetAsync($"{Job}/jobContent?jobId={(long)saved["data"]!["jobId"]!}")))["data"]!["jobContent"]!;
        Assert.Equal("insert into t select * from s", (string?)content["sql"]);
        Assert.Equal("job.sql", (string?)content["file"]);
    }

    [Fact]
    public async Task Upload_refuses_bad_zips_with_streamis_codes()
    {
        var project = await fixture.ProjectAsync();
        var editor = fixture.As("editor");

        var noMeta = await Envelope.ErrorAsync(await editor.PostAsync($"{Job}/upload", Upload(project, Zip(("other.txt", "x")))));
        Assert.Equal(30603, (int)noMeta["data"]!["errorCode"]!);
        var notZip = await Envelope.ErrorAsync(await editor.PostAsync($"{Job}/upload", Upload(project, Zip(("meta.json", Meta(project, "z"))), "job.tar")));
        Assert.Equal(30302, (int)notZip["data"]!["errorCode"]!);
        var garbage = await Envelope.ErrorAsync(await editor.PostAsync($"{Job}/upload", Upload(project, Encoding.UTF8.GetBytes("not a zip"))));
        Assert.Equal(30300, (int)garbage["data"]!["errorCode"]!);
        var otherProject = await Envelope.ErrorAsync(await editor.PostAsync($"{Job}/upload", Upload(project, Zip(("meta.json", Meta("elsewhere", "z"))))));
        Assert.Contains("differs", (string)otherProject["message"]!);
    }

    [Fact]
    public async Task Upload_without_a_form_or_file_or_project_is_a_named_bad_request()
    {
        var project = await fixture.ProjectAsync();
        var editor = fixture.As("editor");

        Assert.Contains("multipart/form-data", (string)(await Envelope.BadAsync(await editor.PostAsync($"{Job}/upload", Json(new JsonObject()))))["message"]!);
        var noFile = new MultipartFormDataContent { { new StringContent(project), "projectName" } };
        Assert.Contains("file cannot be empty!", (string)(await Envelope.BadAsync(await editor.PostAsync($"{Job}/upload", noFile)))["message"]!);
        Assert.Contains("projectName cannot be empty!", (string)(await Envelope.BadAsync(await editor.PostAsync($"{Job}/upload", Upload(null, Zip(("meta.json", "{}"))))))["message"]!);
        var broken = new StringContent("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.zip\"\r\n\r\nno end", Encoding.UTF8);
        broken.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
        Assert.Contains("multipart/form-data", (string)(await Envelope.BadAsync(await editor.PostAsync($"{Job}/upload", broken)))["message"]!);
    }

    [Fact]
    public async Task Upload_beyond_the_configured_zip_limit_is_a_named_refusal()
    {
        using var host = new Support.HostFactory(extra: new Dictionary<string, string?> { ["StreamJobs:Upload:MaxZipBytes"] = "1000" });
        var client = host.ClientFor("admin");
        var big = new byte[2 * 1024 * 1024];
        Random.Shared.NextBytes(big);

        var body = await Envelope.BadAsync(await client.PostAsync($"{Job}/upload", Upload("p", Zip(("meta.json", "{}"), ("big", Convert.ToBase64String(big))))));
        Assert.Contains("multipart/form-data", (string)body["message"]!);
        var small = await Envelope.ErrorAsync(await client.PostAsync($"{Job}/upload", Upload("p", Zip(("meta.json", "{}"), ("pad", Convert.ToBase64String(big, 0, 4000))))));
        Assert.Equal(30300, (int)small["data"]!["errorCode"]!);
    }

    [Theory]
    [InlineData("nobody", false)]
    [InlineData("accessor", false)]
    [InlineData("editor", true)]
    [InlineData("releaser", true)]
    [InlineData("admin", true)]
    public async Task Upload_needs_edit_on_the_project(string user, bool allowed)
    {
        var project = await fixture.ProjectAsync();
        var response = await fixture.As(user).PostAsync($"{Job}/upload", Upload(project, Zip(("meta.json", Meta(project, "u")))));
        if (allowed) await Envelope.OkAsync(response);
        else Assert.Contains("no edit privilege", (string)(await Envelope.ErrorAsync(response))["message"]!);
    }
}
