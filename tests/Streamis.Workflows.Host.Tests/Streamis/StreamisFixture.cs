using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Streamis.Workflows.Host.Tests.Support;
using Streamis.Workflows.StreamJobs.Config;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.Host.Tests.StreamisRest;

/// <summary>
/// A host with one extra signed-in user per kind of Streamis caller (all with the plain viewer role, so only project
/// privileges tell them apart), and helpers to make projects and jobs through the domain.
/// </summary>
public sealed class StreamisFixture : IDisposable
{
    public const string Base = "/api/rest_j/v1/streamis";

    /// <summary>Users beyond admin/ops/watcher: none of them holds a host role above viewer.</summary>
    public static readonly string[] Users = ["nobody", "accessor", "editor", "releaser", "creator", "visible"];

    public StreamisFixture()
    {
        var extra = new Dictionary<string, string?>();
        for (var i = 0; i < Users.Length; i++)
        {
            extra[$"Auth:Tokens:{i + 3}:User"] = Users[i];
            extra[$"Auth:Tokens:{i + 3}:Code"] = $"{Users[i]}-code";
            extra[$"Auth:Tokens:{i + 3}:Roles:0"] = "viewer";
        }
        Host = new HostFactory(extra: extra);
    }

    public HostFactory Host { get; }

    /// <summary>A client for a named user: "admin" (host admin), "ops", "watcher", one of <see cref="Users"/>, or null for anonymous.</summary>
    public HttpClient As(string? user)
    {
        if (user is null or "admin" or "ops" or "watcher")
            return Host.ClientFor(user switch { "admin" => "admin", "ops" => "operator", "watcher" => "viewer", _ => null });
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Add("Token-User", user);
        client.DefaultRequestHeaders.Add("Token-Code", $"{user}-code");
        return client;
    }

    public T Service<T>() where T : notnull
    {
        Host.CreateClient().Dispose();
        return Host.Services.GetRequiredService<T>();
    }

    /// <summary>A fresh project: accessor → access, editor → edit, releaser → release (creator and visible hold nothing).</summary>
    public async Task<string> ProjectAsync()
    {
        var name = "p" + Guid.NewGuid().ToString("N")[..10];
        await Service<ProjectService>().CreateAsync(name, null, new ProjectMembers(["releaser"], ["editor"], ["accessor"]), "admin");
        return name;
    }

    /// <summary>A flink.sql job in the project made by "creator" (made as admin, then handed over), with "visible" in its visible users.</summary>
    public async Task<long> JobAsync(string project, string name = "job1")
    {
        var jobs = Service<JobService>();
        var saved = await jobs.CreateOrUpdateAsync(SqlMeta(project, name), "creator", privileged: true);
        var config = Service<JobConfigService>();
        await config.SetValuesAsync(saved.JobId, new Dictionary<string, string?> { ["wds.linkis.flink.authority.visible"] = "visible" });
        return saved.JobId;
    }

    public static JobMeta SqlMeta(string project, string name, string sql = "select 1") =>
        new(project, name, JobTypes.FlinkSql, new JsonObject { ["type"] = "sql", ["sql"] = sql }, "a,b", "the job");

    public static JsonObject SqlBody(string project, string name, string sql = "select 1") => new()
    {
        ["projectName"] = project,
        ["jobName"] = name,
        ["jobType"] = "flink.sql",
        ["tags"] = "a,b",
        ["description"] = "the job",
        ["jobContent"] = new JsonObject { ["type"] = "sql", ["sql"] = sql },
    };

    public void Dispose() => Host.Dispose();
}
