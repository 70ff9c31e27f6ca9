using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Login;
using Streamis.Workflows.Host.Tests.StreamisRest;

namespace Streamis.Workflows.Host.Tests.WebUi;

/// <summary>The login page of the Streamis web UI against this host's own users.</summary>
public sealed class LoginTests : IDisposable
{
    private const string User = WebUiFixture.Api + "/user";
    private readonly WebUiFixture ui = new();

    [Fact]
    public async Task PublicKey_says_the_password_is_not_encrypted()
    {
        var body = await Envelope.OkAsync(await ui.Browser().GetAsync($"{User}/publicKey"));
        Assert.False((bool)body["data"]!["enableLoginEncrypt"]!);
        Assert.False((bool)body["data"]!["enableSSL"]!);
    }

    [Fact]
    public async Task Login_sets_an_httponly_expiring_session_cookie_that_signs_in_every_later_call()
    {
        var browser = ui.Browser();
        using var login = await browser.PostAsJsonAsync($"{User}/login", new { userName = "alice", password = WebUiFixture.AlicePassword });
        var body = await Envelope.OkAsync(login);
        Assert.Equal("alice", (string?)body["data"]!["userName"]);
        Assert.False((bool)body["data"]!["isAdmin"]!);
        Assert.True((long)body["data"]!["sessionTimeOut"]! > 0);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(SessionTicket.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alice", cookie, StringComparison.Ordinal);

        var info = await Envelope.OkAsync(await browser.GetAsync($"{User}/userInfo"));
        Assert.Equal("alice", (string?)info["data"]!["userName"]);
        var baseInfo = await Envelope.OkAsync(await browser.GetAsync($"{WebUiFixture.Api}/dss/framework/workspace/getBaseInfo"));
        Assert.Equal("alice", (string?)baseInfo["data"]!["userName"]);
        await Envelope.ErrorAsync(await browser.GetAsync($"{StreamisFixture.Base}/streamJobManager/job/list?projectName=null&pageNow=1&pageSize=10"));
    }

    [Fact]
    public async Task The_ui_sends_the_name_lower_cased_and_still_signs_in_as_configured()
    {
        var body = await Envelope.OkAsync(await ui.Browser().PostAsJsonAsync($"{User}/login", new { userName = "ROOT", password = WebUiFixture.RootPassword }));
        Assert.Equal("root", (string?)body["data"]!["userName"]);
        Assert.True((bool)body["data"]!["isAdmin"]!);
    }

    [Theory]
    [InlineData("alice", "not-her-password")]
    [InlineData("mallory", "anything")]
    public async Task A_wrong_password_or_unknown_user_is_status_1_and_no_session(string user, string password)
    {
        var browser = ui.Browser();
        using var login = await browser.PostAsJsonAsync($"{User}/login", new { userName = user, password });
        var body = await Envelope.ErrorAsync(login);
        Assert.Equal("wrong user name or password(用户名或密码错误)！", (string?)body["message"]);
        Assert.False(login.Headers.Contains("Set-Cookie"));
        await Envelope.ReadAsync(await browser.GetAsync($"{User}/userInfo"), HttpStatusCode.Unauthorized, -1);
    }

    [Theory]
    [InlineData("", "x", "Username can not be empty")]
    [InlineData("alice", "", "Password can not be blank")]
    public async Task A_blank_field_is_named(string user, string password, string message)
    {
        var body = await Envelope.ErrorAsync(await ui.Browser().PostAsJsonAsync($"{User}/login", new { userName = user, password }));
        Assert.StartsWith(message, (string?)body["message"]);
    }

    [Fact]
    public async Task Repeated_failures_hold_off_even_the_right_password_while_other_users_sign_in()
    {
        var browser = ui.Browser();
        for (var i = 0; i < 3; i++)
            await Envelope.ErrorAsync(await browser.PostAsJsonAsync($"{User}/login", new { userName = "alice", password = $"guess{i}" }));

        var held = await Envelope.ErrorAsync(await browser.PostAsJsonAsync($"{User}/login", new { userName = "alice", password = WebUiFixture.AlicePassword }));
        Assert.StartsWith("too many failed logins for alice; try again in", (string?)held["message"]);
        await Envelope.ReadAsync(await browser.GetAsync($"{User}/userInfo"), HttpStatusCode.Unauthorized, -1);
        await Envelope.OkAsync(await ui.Browser().PostAsJsonAsync($"{User}/login", new { userName = "bob", password = WebUiFixture.BobPassword }));
    }

    [Fact]
    public async Task Logout_ends_the_session_even_for_a_copy_of_the_cookie()
    {
        var browser = ui.Browser();
        using var login = await browser.PostAsJsonAsync($"{User}/login", new { userName = "bob", password = WebUiFixture.BobPassword });
        var ticket = login.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        var copy = ui.Host.CreateClient();
        copy.DefaultRequestHeaders.Add("Cookie", ticket);
        await Envelope.OkAsync(await copy.GetAsync($"{User}/userInfo"));

        using var logout = await browser.GetAsync($"{User}/logout");
        await Envelope.OkAsync(logout);
        Assert.Contains(logout.Headers.GetValues("Set-Cookie"), c => c.StartsWith(SessionTicket.CookieName + "=;", StringComparison.Ordinal));
        await Envelope.ReadAsync(await browser.GetAsync($"{User}/userInfo"), HttpStatusCode.Unauthorized, -1);
        await Envelope.ReadAsync(await copy.GetAsync($"{User}/userInfo"), HttpStatusCode.Unauthorized, -1);
    }

    [Fact]
    public async Task A_forged_or_altered_cookie_is_no_session()
    {
        var browser = ui.Browser();
        using var login = await browser.PostAsJsonAsync($"{User}/login", new { userName = "bob", password = WebUiFixture.BobPassword });
        var ticket = login.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        foreach (var forged in new[] { $"{SessionTicket.CookieName}=root", ticket[..^4] + (ticket.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA") })
        {
            var client = ui.Host.CreateClient();
            client.DefaultRequestHeaders.Add("Cookie", forged);
            await Envelope.ReadAsync(await client.GetAsync($"{User}/userInfo"), HttpStatusCode.Unauthorized, -1);
        }
    }

    [Fact]
    public async Task Passwords_never_reach_the_log()
    {
        await ui.Browser().PostAsJsonAsync($"{User}/login", new { userName = "alice", password = "a-wrong-secret-xyz" });
        await ui.Browser().PostAsJsonAsync($"{User}/login", new { userName = "bob", password = WebUiFixture.BobPassword });
        await ui.Browser().GetAsync($"{User}/login?userName=bob&password=query-secret-xyz");
        var logs = Path.Combine(ui.Host.DataDirectory, "logs");
        var text = string.Concat(Directory.GetFiles(logs, "*.clef").Select(f =>
        {
            using var reader = new StreamReader(new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            return reader.ReadToEnd();
        }));
        Assert.Contains("Login of", text, StringComparison.Ordinal);
        Assert.DoesNotContain("a-wrong-secret-xyz", text, StringComparison.Ordinal);
        Assert.DoesNotContain(WebUiFixture.BobPassword, text, StringComparison.Ordinal);
        Assert.DoesNotContain("query-secret-xyz", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_password_reads_standard_input_and_prints_a_hash_that_verifies()
    {
        var output = new StringWriter();
        Assert.True(PasswordHashCommand.TryRun(["hash-password"], new StringReader("s3cret\n"), output, new StringWriter()));
        var hash = output.ToString().Trim();
        Assert.DoesNotContain("s3cret", hash, StringComparison.Ordinal);
        Assert.True(PasswordCheck.Matches(new LoginUser { UserName = "x", PasswordHash = hash }, "s3cret"));
        Assert.False(PasswordCheck.Matches(new LoginUser { UserName = "x", PasswordHash = hash }, "s3cret2"));
        Assert.False(PasswordHashCommand.TryRun(["--urls", "http://localhost:1"], new StringReader(""), output, new StringWriter()));
    }

    [Fact]
    public async Task Workspace_users_are_the_login_users_and_project_members()
    {
        var project = await ui.ProjectAsync();
        var browser = await ui.SignedInAsync("bob", WebUiFixture.BobPassword);
        var body = await Envelope.OkAsync(await browser.GetAsync($"{StreamisFixture.Base}/streamJobManager/config/getWorkspaceUsers"));
        var users = body["data"]!["users"]!.AsArray().Select(u => (string)u!).ToList();
        Assert.Contains("root", users);
        Assert.Contains("alice", users);
        Assert.Equal(users.Distinct().Count(), users.Count);
        Assert.NotNull(project);
    }

    public void Dispose() => ui.Dispose();
}
