using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Tests.Support;

namespace Streamis.Workflows.Host.Tests.Operations.Support;

/// <summary>The calls the operation tests make: projects, jobs, Streamis operations and bulk runs, over HTTP.</summary>
internal static class OperationsClient
{
    public const string Jobs = "/api/rest_j/v1/streamis/streamJobManager/job";

    /// <summary>A fresh project in which "admin" (and any user named) holds release privilege.</summary>
    public static async Task<string> ProjectAsync(this HttpClient admin, params string[] releaseUsers)
    {
        var name = "p" + Guid.NewGuid().ToString("N")[..10];
        var response = await admin.PostAsJsonAsync("/api/projects", new { name, releaseUsers = releaseUsers.Prepend("admin").ToArray() });
        await response.JsonAsync(HttpStatusCode.Created);
        return name;
    }

    /// <summary>createOrUpdate through the Streamis API; returns the job id.</summary>
    public static async Task<long> JobAsync(this HttpClient client, string project, string name, string jobType, JsonObject content)
    {
        var body = new JsonObject { ["projectName"] = project, ["jobName"] = name, ["jobType"] = jobType, ["jobContent"] = content };
        var answer = await client.StreamisAsync(HttpMethod.Post, $"{Jobs}/createOrUpdate", body);
        Assert.True((int)answer["status"]! == 0, answer.ToJsonString());
        return (long)answer["data"]!["jobId"]!;
    }

    /// <summary>A flink.sql job (run by the linkis-flink engine) made through createOrUpdate; returns the job id.</summary>
    public static Task<long> SqlJobAsync(this HttpClient client, string project, string name) =>
        client.JobAsync(project, name, "flink.sql", new JsonObject { ["type"] = "sql", ["sql"] = "insert into sink select * from source" });

    /// <summary>A Streamis call; returns the envelope whatever its status (HTTP 200 or 400).</summary>
    public static async Task<JsonObject> StreamisAsync(this HttpClient client, HttpMethod method, string url, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{method} {url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static Task<JsonObject> ExecuteAsync(this HttpClient client, long jobId) =>
        client.StreamisAsync(HttpMethod.Post, $"{Jobs}/execute", new JsonObject { ["jobId"] = jobId });

    public static Task<JsonObject> StopAsync(this HttpClient client, long jobId, bool snapshot) =>
        client.StreamisAsync(HttpMethod.Get, $"{Jobs}/stop?jobId={jobId}&snapshot={(snapshot ? "true" : "false")}");

    /// <summary>The newest task's status code per job, as the web UI polls it.</summary>
    public static async Task<int> StatusCodeAsync(this HttpClient client, long jobId)
    {
        var answer = await client.StreamisAsync(HttpMethod.Put, $"{Jobs}/status", new JsonObject { ["id_list"] = new JsonArray(jobId) });
        return (int)answer["data"]!["result"]![0]!["statusCode"]!;
    }

    /// <summary>Starts a bulk operation through our API; returns the instance id.</summary>
    public static async Task<string> BulkAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/bulk", body);
        return (string)(await response.JsonAsync(HttpStatusCode.Accepted))["instanceId"]!;
    }

    /// <summary>Reads the bulk run until every job is done; fails after a generous wait.</summary>
    public static async Task<JsonObject> BulkDoneAsync(this HttpClient client, string instanceId) =>
        await Streamis.Workflows.Plugins.Local.Tests.Support.Eventually.UntilAsync(
            async () => await (await client.GetAsync($"/api/bulk/{instanceId}")).JsonAsync(HttpStatusCode.OK),
            run => (int)run["done"]! == (int)run["total"]! && (string)run["status"]! == "Completed", $"bulk run {instanceId} to finish",
            TimeSpan.FromSeconds(120));
}
