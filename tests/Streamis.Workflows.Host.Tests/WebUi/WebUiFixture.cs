using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Streamis.Workflows.Host.Login;
using Streamis.Workflows.Host.Tests.Support;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.Host.Tests.WebUi;

/// <summary>
/// A host set up as a team moving from Streamis would: password users (alice, an editor of each project made here;
/// bob, an accessor; root, a host admin), a Streamis web UI build served at /streamis, and browser-like clients that
/// keep cookies.
/// </summary>
public sealed class WebUiFixture : IDisposable
{
    public const string Api = "/api/rest_j/v1";
    public const string AlicePassword = "alice-secret-1";
    public const string BobPassword = "bob-secret-2";
    public const string RootPassword = "root-secret-3";
    public const string IndexHtml = "<!doctype html><html><head><title>Streamis</title></head><body><div id=app></div></body></html>";
    public const string AppJs = "console.log('streamis web ui');";

    public WebUiFixture(IDictionary<string, string?>? extra = null)
    {
        UiFolder = Path.Combine(Path.GetTempPath(), "swf-webui-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(UiFolder, "static", "js"));
        File.WriteAllText(Path.Combine(UiFolder, "index.html"), IndexHtml);
        File.WriteAllText(Path.Combine(UiFolder, "static", "js", "app.js"), AppJs);
        var settings = new Dictionary<string, string?>
        {
            ["StreamisWebUi:Directory"] = UiFolder,
            ["Login:FailuresBeforeHold"] = "3",
            ["Login:FirstHold"] = "00:10:00",
        };
        var users = new[] { ("alice", AlicePassword, "viewer"), ("bob", BobPassword, "viewer"), ("root", RootPassword, "admin") };
        for (var i = 0; i < users.Length; i++)
        {
            settings[$"Login:Users:{i}:UserName"] = users[i].Item1;
            settings[$"Login:Users:{i}:PasswordHash"] = PasswordCheck.Hash(users[i].Item2);
            settings[$"Login:Users:{i}:Roles:0"] = users[i].Item3;
        }
        if (extra is not null)
            foreach (var (key, value) in extra) settings[key] = value;
        Host = new HostFactory(extra: settings);
    }

    public HostFactory Host { get; }

    public string UiFolder { get; }

    /// <summary>A browser: keeps the cookies it is given, does not follow redirects.</summary>
    public HttpClient Browser() => Host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A browser signed in through the login page's two calls.</summary>
    public async Task<HttpClient> SignedInAsync(string user, string password)
    {
        var browser = Browser();
        using var response = await browser.PostAsJsonAsync($"{Api}/user/login", new { userName = user, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return browser;
    }

    public T Service<T>() where T : notnull
    {
        Host.CreateClient().Dispose();
        return Host.Services.GetRequiredService<T>();
    }

    /// <summary>A fresh project where alice edits and bob has access.</summary>
    public async Task<string> ProjectAsync()
    {
        var name = "ui" + Guid.NewGuid().ToString("N")[..10];
        await Service<ProjectService>().CreateAsync(name, null, new StreamJobs.Models.ProjectMembers([], ["alice"], ["bob"]), "root");
        return name;
    }

    public void Dispose()
    {
        Host.Dispose();
        try { Directory.Delete(UiFolder, recursive: true); } catch (IOException) { }
    }
}
