using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Streamis.Workflows.Host.Tests.StreamisRest;
using Streamis.Workflows.Host.Tests.Support;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.Host.Tests.Hostile;

/// <summary>
/// The real host on a loopback port with every plugin its build ships (so plugin endpoints are fuzzed too), and one
/// real thing of each kind a route can name: a published definition, a finished instance, a project, a job, a
/// configuration key. The monitor is off so nothing but the requests moves.
/// </summary>
public sealed class FuzzHost : IAsyncLifetime
{
    private HostFactory? factory;

    public HostFactory Factory => factory!;

    public Uri BaseUrl { get; private set; } = default!;

    public IReadOnlyList<HostEndpoint> Endpoints { get; private set; } = [];

    /// <summary>Route and query values that name something real, by parameter name.</summary>
    public IReadOnlyDictionary<string, string> ValidIds { get; private set; } = new Dictionary<string, string>();

    public string DataDirectory => Factory.DataDirectory;

    public async Task InitializeAsync()
    {
        factory = new HostFactory(Path.Combine(AppContext.BaseDirectory, "plugins"), new Dictionary<string, string?>
        {
            ["Operations:Monitor:Enabled"] = "false",
            ["Operations:SynchronousWait"] = "00:00:02",
        });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
        Endpoints = HostEndpoint.All(factory.Services);
        ValidIds = await SeedAsync();
    }

    /// <summary>A client of the loopback server for "admin", "operator", "viewer", or null for nobody.</summary>
    public HttpClient Client(string? role)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, Expect100ContinueTimeout = TimeSpan.FromSeconds(2) })
        {
            BaseAddress = BaseUrl,
            Timeout = TimeSpan.FromSeconds(90),
        };
        var code = role switch { "admin" => "admin-code", "operator" => "operator-code", "viewer" => "viewer-code", _ => null };
        if (code is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", code);
        return client;
    }

    private async Task<Dictionary<string, string>> SeedAsync()
    {
        using var admin = Client("admin");
        var definitionId = TestWorkflows.UniqueId("fuzz");
        await admin.SaveDefinitionAsync(TestWorkflows.Greeting(definitionId));
        var instance = await admin.StartAndWaitAsync(definitionId, new { who = "fuzz" });
        var project = "fuzz" + Guid.NewGuid().ToString("N")[..8];
        (await admin.PostAsJsonAsync("api/projects", new { name = project })).EnsureSuccessStatusCode();
        var job = await Factory.Services.GetRequiredService<JobService>()
            .CreateOrUpdateAsync(StreamisFixture.SqlMeta(project, "fuzzjob"), "admin", privileged: true);
        var configKey = (string)(await admin.GetFromJsonAsync<JsonArray>("api/config/definitions"))![0]!["key"]!;
        var jobId = job.JobId.ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["definitionId"] = definitionId,
            ["instanceId"] = (string)instance["summary"]!["id"]!,
            ["name"] = project,
            ["projectName"] = project,
            ["key"] = configKey,
            ["jobId"] = jobId,
            ["id"] = jobId,
            ["jobName"] = "fuzzjob",
            ["path"] = "index.html",
        };
    }

    public async Task DisposeAsync()
    {
        if (factory is not null) await factory.DisposeAsync();
    }
}
