using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Streamis.Workflows.Host.Tests.Operations.Support;
using Streamis.Workflows.StreamJobs.ProjectFiles;

namespace Streamis.Workflows.Host.Tests.WebUi;

/// <summary>
/// Job versions find the files their content names among the project's resource files, as Streamis does: the version's
/// own files first, then the project's (<c>name-version</c> for one version, else the newest). The engine (scripted)
/// receives the resolved files in its launch request; a name found nowhere is refused when the version is saved.
/// </summary>
public sealed class ProjectFileResolutionTests(ScriptedEngineHost host) : IClassFixture<ScriptedEngineHost>
{
    private async Task ProjectFileAsync(string project, string fileName, string version, string text)
    {
        var files = host.Services.GetRequiredService<ProjectFileService>();
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        Assert.Equal(ProjectFileUploadOutcome.Added, await files.UploadAsync(new ProjectFileUpload(project, fileName, version, null, false, "admin"), content));
    }

    private static JsonObject JarContent(params string[] dependencies) => new()
    {
        ["main.class.jar"] = "app.jar", ["main.class"] = "com.example.Main",
        ["dependency.jars"] = new JsonArray(dependencies.Select(d => (JsonNode)d).ToArray()),
    };

    [Fact]
    public async Task A_jar_job_launches_with_the_newest_project_file_or_the_version_its_name_gives()
    {
        var admin = host.As("admin");
        var project = await admin.ProjectAsync();
        await ProjectFileAsync(project, "app.jar", "1.0", "main jar");
        await ProjectFileAsync(project, "udf.jar", "1.0", "udf one");
        await ProjectFileAsync(project, "udf.jar", "1.1", "udf two");
        await ProjectFileAsync(project, "conn", "2.0", "connector two");
        await ProjectFileAsync(project, "conn", "3.0", "connector three");
        var jobId = await admin.JobAsync(project, "jar", "flink.jar", JarContent("udf.jar", "conn-2.0"));

        Assert.Equal(0, (int)(await admin.ExecuteAsync(jobId))["status"]!);

        var launch = host.Engine.Launches.Last(l => l.JobId == jobId);
        var files = launch.Resources.ToDictionary(r => r.FileName);
        Assert.Equal(["app.jar", "conn-2.0", "udf.jar"], files.Keys.Order());
        Assert.Equal(("1.1", "udf two"), (files["udf.jar"].Version, File.ReadAllText(files["udf.jar"].LocalPath)));
        Assert.Equal(("2.0", "connector two"), (files["conn-2.0"].Version, File.ReadAllText(files["conn-2.0"].LocalPath)));
        Assert.Equal("main jar", File.ReadAllText(files["app.jar"].LocalPath));
        await admin.StopAsync(jobId, snapshot: false);
    }

    [Fact]
    public async Task A_sql_file_job_finds_its_sql_file_among_the_project_files()
    {
        var admin = host.As("admin");
        var project = await admin.ProjectAsync();
        await ProjectFileAsync(project, "orders.sql", "v1", "insert into sink select * from orders");
        var jobId = await admin.JobAsync(project, "sqlfile", "flink.sql", new JsonObject { ["type"] = "file", ["file"] = "orders.sql" });

        Assert.Equal(0, (int)(await admin.ExecuteAsync(jobId))["status"]!);

        var sql = Assert.Single(host.Engine.Launches.Last(l => l.JobId == jobId).Resources);
        Assert.Equal("orders.sql", sql.FileName);
        Assert.Equal("insert into sink select * from orders", File.ReadAllText(sql.LocalPath));
        // The web UI's job content tab shows that SQL too.
        var content = await StreamisRest.Envelope.OkAsync(await admin.GetAsync($"/api/rest_j/v1/streamis/streamJobManager/job/jobContent?jobId={jobId}"));
        Assert.Equal("insert into sink select * from orders", (string?)content["data"]!["jobContent"]!["sql"]);
        await admin.StopAsync(jobId, snapshot: false);
    }

    [Fact]
    public async Task A_name_found_nowhere_is_refused_at_deploy_naming_the_field_and_the_file()
    {
        var admin = host.As("admin");
        var project = await admin.ProjectAsync();
        await ProjectFileAsync(project, "app.jar", "1.0", "main jar");
        var body = new JsonObject { ["projectName"] = project, ["jobName"] = "jar", ["jobType"] = "flink.jar", ["jobContent"] = JarContent("udf.jar", "conn-9.9") };

        var answer = await admin.StreamisAsync(HttpMethod.Post, $"{OperationsClient.Jobs}/createOrUpdate", body);

        Assert.Equal(1, (int)answer["status"]!);
        var message = (string)answer["message"]!;
        Assert.Contains("jobContent.dependency.jars names 'udf.jar'", message);
        Assert.Contains("jobContent.dependency.jars names 'conn-9.9'", message);
        Assert.DoesNotContain("app.jar", message);
    }

    [Fact]
    public async Task A_project_file_deleted_after_deploy_fails_the_start_naming_it()
    {
        var admin = host.As("admin");
        var project = await admin.ProjectAsync();
        await ProjectFileAsync(project, "app.jar", "1.0", "main jar");
        var jobId = await admin.JobAsync(project, "jar", "flink.jar", JarContent());
        await host.Services.GetRequiredService<ProjectFileService>().DeleteAsync(project, "app.jar");

        var execute = await admin.ExecuteAsync(jobId);

        Assert.Equal(1, (int)execute["status"]!);
        Assert.Contains("jobContent.main.class.jar names 'app.jar'", (string)execute["message"]!);
        Assert.DoesNotContain(host.Engine.Launches, l => l.JobId == jobId);
    }

    [Fact]
    public async Task Details_of_a_task_whose_engine_reports_no_figures_are_empty_lists()
    {
        var admin = host.As("admin");
        var jobId = await admin.SqlJobAsync(await admin.ProjectAsync(), "plain");
        Assert.Equal(0, (int)(await admin.ExecuteAsync(jobId))["status"]!);

        var details = (await admin.StreamisAsync(HttpMethod.Get, $"{OperationsClient.Jobs}/details?jobId={jobId}&version=v00001"))["data"]!["details"]!;

        Assert.NotNull((string?)details["linkisJobInfo"]!["id"]);
        foreach (var list in new[] { "dataNumber", "loadCondition", "realTimeTraffic" })
            Assert.Empty(details[list]!.AsArray());
        await admin.StopAsync(jobId, snapshot: false);
    }
}
