using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Streamis.Workflows.Host.Tests.Support;

namespace Streamis.Workflows.Designer.Tests.Support;

/// <summary>
/// The real host on a loopback port, as a browser reaches it: the designer files from this project's output, the
/// built-in plugins, and every workflow file of the repository's workflows/ folder (subfolders included) loaded at start.
/// </summary>
public sealed class DesignerHost : IAsyncLifetime
{
    public const string AdminToken = "admin-code";

    private HostFactory? factory;

    public Uri BaseUrl { get; private set; } = default!;

    /// <summary>An HTTP client signed in as admin, for arranging what a test needs.</summary>
    public HttpClient Admin { get; private set; } = default!;

    /// <summary>The workflow files the host was given, relative to the repository's workflows/ folder.</summary>
    public IReadOnlyList<string> WorkflowFiles { get; private set; } = [];

    /// <summary>The definitions the host listed right after start: those it loaded from the workflow files.</summary>
    public IReadOnlyList<JsonObject> StartupDefinitions { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var workflows = Path.Combine(Path.GetTempPath(), "swf-designer-workflows", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workflows);
        var files = Directory.EnumerateFiles(RepositoryFolder.Workflows, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryFolder.Workflows, f)).Order(StringComparer.Ordinal).ToList();
        // The host reads one folder; nested files are laid side by side under names that keep their folder.
        foreach (var file in files)
            File.Copy(Path.Combine(RepositoryFolder.Workflows, file), Path.Combine(workflows, file.Replace(Path.DirectorySeparatorChar, '-')));
        WorkflowFiles = files;

        factory = new HostFactory(Path.Combine(AppContext.BaseDirectory, "plugins"), new Dictionary<string, string?>
        {
            ["Workflows:Directory"] = workflows,
        });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
        Admin = new HttpClient { BaseAddress = BaseUrl };
        Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        StartupDefinitions = (await Admin.GetFromJsonAsync<JsonArray>("api/workflows/definitions"))!.Select(d => d!.AsObject()).ToList();
        Directory.Delete(workflows, recursive: true);
    }

    public async ValueTask DisposeAsync()
    {
        Admin?.Dispose();
        if (factory is not null) await factory.DisposeAsync();
    }
}
