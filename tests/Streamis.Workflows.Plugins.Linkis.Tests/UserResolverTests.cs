using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Streamis.Workflows.Plugins.Linkis.Tests.Support;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.Simulation;

namespace Streamis.Workflows.Plugins.Linkis.Tests;

public sealed class UserResolverTests : LinkisPluginTest
{
    private IUserResolver Resolver => Services.GetRequiredService<IUserResolver>();

    private static HttpContext WithCookie(string? ticket)
    {
        var context = new DefaultHttpContext();
        if (ticket is not null) context.Request.Headers.Cookie = $"other=1; {LinkisSimulation.SessionCookie}={ticket}";
        return context;
    }

    [Fact]
    public async Task A_session_cookie_is_resolved_by_asking_the_gateway_once_for_a_while()
    {
        var ticket = Linkis.Login("bob");

        var first = await Resolver.ResolveAsync(WithCookie(ticket), None);
        var second = await Resolver.ResolveAsync(WithCookie(ticket), None);

        Assert.Equal("bob", first!.UserName);
        Assert.Equal(["viewer"], first.Roles);
        Assert.Equal(first, second);
        var call = Assert.Single(Linkis.RequestsTo(LinkisCalls.UserInfo));
        Assert.Contains($"{LinkisSimulation.SessionCookie}={ticket}", call.Header("Cookie"));
        Assert.Null(call.Header("Token-Code"));
    }

    [Fact]
    public async Task Admin_users_and_session_roles_come_from_configuration()
    {
        Reconfigure(("AdminUsers", "hadoop,root"), ("SessionRoles", "operator"));

        var admin = await Resolver.ResolveAsync(WithCookie(Linkis.Login("hadoop")), None);
        var other = await Resolver.ResolveAsync(WithCookie(Linkis.Login("carol")), None);

        Assert.Equal(["admin"], admin!.Roles);
        Assert.Equal(["operator"], other!.Roles);
    }

    [Fact]
    public async Task No_cookie_or_an_unknown_session_resolves_to_nobody()
    {
        Assert.Null(await Resolver.ResolveAsync(WithCookie(null), None));
        Assert.Empty(Linkis.Requests);
        Assert.Null(await Resolver.ResolveAsync(WithCookie("forged"), None));
    }

    [Fact]
    public async Task An_expired_session_is_noticed_after_the_cache_time()
    {
        Reconfigure(("SessionCacheDuration", "0.05"));
        var ticket = Linkis.Login("bob");
        Assert.NotNull(await Resolver.ResolveAsync(WithCookie(ticket), None));
        Linkis.Logout(ticket);

        var later = await Eventually(async () => await Resolver.ResolveAsync(WithCookie(ticket), None) is null);

        Assert.True(later);
    }

    [Fact]
    public async Task A_gateway_that_cannot_answer_signs_nobody_in_and_is_asked_again_next_time()
    {
        Reconfigure(("MaxRetries", "0"));
        var ticket = Linkis.Login("bob");
        Linkis.Inject(LinkisCalls.UserInfo, LinkisFault.ServerError(), times: 1);

        Assert.Null(await Resolver.ResolveAsync(WithCookie(ticket), None));
        Assert.Equal("bob", (await Resolver.ResolveAsync(WithCookie(ticket), None))!.UserName);
        Assert.DoesNotContain(Logs.Lines, line => line.Contains(ticket, StringComparison.Ordinal));
    }

    private static async Task<bool> Eventually(Func<Task<bool>> probe)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (await probe()) return true;
            await Task.Delay(20);
        }
        return false;
    }
}
