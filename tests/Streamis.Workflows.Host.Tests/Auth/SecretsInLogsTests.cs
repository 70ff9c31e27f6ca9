using System.Net;
using System.Net.Http.Json;
using Streamis.Workflows.Host.Login;
using Streamis.Workflows.Host.Tests.Operations.Support;
using Streamis.Workflows.Host.Tests.StreamisRest;
using Streamis.Workflows.Host.Tests.Support;
using Streamis.Workflows.Simulation;

namespace Streamis.Workflows.Host.Tests.Auth;

/// <summary>
/// A day's calls with every kind of secret the host sees — token headers, a bearer token, password logins (right,
/// wrong, and one sent in a query string), its own session cookie, a Linkis session cookie, the DSS SSO cookie, and the
/// Linkis and DSS tokens of the plugins' settings, used on calls to a simulated Linkis — and then every line of the
/// host's log: none holds a token code, a password or a cookie value.
/// </summary>
public sealed class SecretsInLogsTests : IDisposable
{
    private const string Api = "/api/rest_j/v1";
    private const string AlicePassword = "alice-pw-5c1e9";
    private const string LinkisTokenCode = "linkis-token-8e2d4";
    private const string DssTokenCode = "dss-token-3b7a1";

    private readonly LinkisSimulation linkis = LinkisSimulation.Start(new LinkisSimulationOptions { TokenCode = LinkisTokenCode });
    private readonly HostFactory host;

    public SecretsInLogsTests()
    {
        host = new HostFactory(Path.Combine(AppContext.BaseDirectory, "plugins"), new Dictionary<string, string?>
        {
            // Debug for everything the host and its plugins write; the framework's categories stay as configured.
            ["Serilog:MinimumLevel:Default"] = "Debug",
            ["Login:Users:0:UserName"] = "alice",
            ["Login:Users:0:PasswordHash"] = PasswordCheck.Hash(AlicePassword),
            ["Plugins:linkis:GatewayUrl"] = linkis.Url,
            ["Plugins:linkis:TokenCode"] = LinkisTokenCode,
            ["Plugins:linkis:StatusPollInterval"] = "0.05",
            ["Plugins:linkis:ApplicationInfoDelay"] = "0.05",
            ["Plugins:yarn:ResourceManagerUrl"] = linkis.ResourceManagerUrl,
            ["Plugins:dss:GatewayUrl"] = linkis.Url,
            ["Plugins:dss:TokenUser"] = "hadoop",
            ["Plugins:dss:TokenCode"] = DssTokenCode,
            ["Operations:StatusPollInterval"] = "00:00:00.100",
            ["Operations:Monitor:Enabled"] = "false",
        });
    }

    [Fact]
    public async Task No_token_code_password_or_cookie_value_reaches_the_log()
    {
        var secrets = new List<string> { "admin-code", "operator-code", "viewer-code", "guessed-code-4f0a", AlicePassword, "wrong-pw-77d0", "query-pw-2a9c", LinkisTokenCode, DssTokenCode };

        // Token headers, a bearer token, a wrong code.
        var admin = host.ClientFor("admin");
        await host.ClientFor("viewer").GetAsync("/api/workflows/definitions");
        var bearer = host.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new("Bearer", "operator-code");
        await bearer.GetAsync("/api/workflows/instances");
        var guess = host.CreateClient();
        guess.DefaultRequestHeaders.Add("Token-User", "admin");
        guess.DefaultRequestHeaders.Add("Token-Code", "guessed-code-4f0a");
        Assert.Equal(HttpStatusCode.Unauthorized, (await guess.GetAsync("/api/workflows/definitions")).StatusCode);

        // Password logins; the host's own session cookie.
        var browser = host.CreateClient();
        await browser.PostAsJsonAsync($"{Api}/user/login", new { userName = "alice", password = "wrong-pw-77d0" });
        await browser.GetAsync($"{Api}/user/login?userName=alice&password=query-pw-2a9c");
        var login = await browser.PostAsJsonAsync($"{Api}/user/login", new { userName = "alice", password = AlicePassword });
        var hostTicket = CookieValue(login, SessionTicket.CookieName);
        secrets.Add(hostTicket);
        await Envelope.OkAsync(await WithCookieAsync($"{Api}/user/userInfo", $"{SessionTicket.CookieName}={hostTicket}"));

        // A Linkis session cookie, resolved by the linkis plugin at the gateway.
        var linkisTicket = linkis.Login("carol");
        secrets.Add(linkisTicket);
        await Envelope.OkAsync(await WithCookieAsync($"{Api}/user/userInfo", $"{LinkisSimulation.SessionCookie}={linkisTicket}"));

        // The DSS browser entry, then a call carrying only its SSO cookie.
        var dssTicket = linkis.Login("dave");
        secrets.Add(dssTicket);
        var entry = await host.CreateClient().GetAsync(
            $"/api/plugins/dss/sso?dssurl=http://dss.example.test&workspace=ws&cookies={Uri.EscapeDataString($"{LinkisSimulation.SessionCookie}={dssTicket};workspaceName=ws")}");
        Assert.Equal(HttpStatusCode.OK, entry.StatusCode);
        var ssoCookie = CookieValue(entry, "streamis_dss_ticket");
        Assert.Equal("dave", (string?)(await Envelope.OkAsync(await WithCookieAsync($"{Api}/user/userInfo", $"streamis_dss_ticket={ssoCookie}")))["data"]!["userName"]);

        // A Flink job started on the simulated Linkis: the linkis plugin calls its gateway with the configured token.
        var jobId = await admin.SqlJobAsync(await admin.ProjectAsync(), "secret-job");
        Assert.Equal(0, (int)(await admin.ExecuteAsync(jobId))["status"]!);
        Assert.NotEmpty(linkis.RequestsTo(LinkisCalls.CreateEngineConn));
        await admin.StopAsync(jobId, snapshot: false);

        var lines = await LogLinesAsync(mustMention: "/api/plugins/dss/sso");
        // The session is in the log: its logins and the calls to Linkis.
        Assert.Contains(lines, l => l.Contains("/api/rest_j/v1/user/login", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("linkis", StringComparison.OrdinalIgnoreCase) && l.Contains(jobId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            var leak = lines.FirstOrDefault(l => l.Contains(secret, StringComparison.Ordinal));
            Assert.True(leak is null, $"the log holds the secret \"{secret}\": {leak}");
        }
    }

    private Task<HttpResponseMessage> WithCookieAsync(string url, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return host.CreateClient().SendAsync(request);
    }

    private static string CookieValue(HttpResponseMessage response, string name)
    {
        var header = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(name + "=", StringComparison.Ordinal));
        return header[(name.Length + 1)..header.IndexOf(';', StringComparison.Ordinal)];
    }

    /// <summary>Every line of the host's log files, once the log mentions <paramref name="mustMention"/> (the sink writes through).</summary>
    private async Task<List<string>> LogLinesAsync(string mustMention)
    {
        var folder = Path.Combine(host.DataDirectory, "logs");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var lines = new List<string>();
            foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder) : [])
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                while (reader.ReadLine() is { } line) lines.Add(line);
            }
            if (lines.Any(l => l.Contains(mustMention, StringComparison.Ordinal))) return lines;
            if (DateTime.UtcNow > deadline) Assert.Fail($"the log never mentioned {mustMention}:\n{string.Join("\n", lines.TakeLast(20))}");
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        host.Dispose();
        linkis.Dispose();
    }
}
