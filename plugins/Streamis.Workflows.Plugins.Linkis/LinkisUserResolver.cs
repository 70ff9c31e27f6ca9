using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Streamis.Workflows.Plugins.Linkis.Gateway;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Linkis;

/// <summary>
/// Signs in a caller who brings a Linkis session cookie (the Streamis web UI, DSS): the gateway is asked who it is
/// (<c>/user/userInfo</c>), and the answer, yes or no, is remembered for a short while so a page full of calls asks once.
/// A gateway that cannot answer signs nobody in (the caller gets a 401), and is not remembered.
/// </summary>
public sealed class LinkisUserResolver : IUserResolver
{
    private const int MaxCachedSessions = 10_000;

    /// <summary>By a hash of the cookie, so the process holds no usable session tickets.</summary>
    private readonly ConcurrentDictionary<string, (ResolvedUser? User, DateTimeOffset Until)> sessions = new(StringComparer.Ordinal);

    private readonly LinkisOptions options;
    private readonly LinkisGateway gateway;
    private readonly TimeProvider clock;
    private readonly ILogger logger;

    internal LinkisUserResolver(LinkisOptions options, LinkisGateway gateway, TimeProvider? clock = null, ILogger<LinkisUserResolver>? logger = null)
    {
        this.options = options;
        this.gateway = gateway;
        this.clock = clock ?? TimeProvider.System;
        this.logger = logger ?? NullLogger<LinkisUserResolver>.Instance;
    }

    public async Task<ResolvedUser?> ResolveAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Cookies.TryGetValue(options.SessionCookie, out var ticket) || string.IsNullOrWhiteSpace(ticket)) return null;
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ticket)));
        var now = clock.GetUtcNow();
        if (sessions.TryGetValue(key, out var cached) && cached.Until > now) return cached.User;

        ResolvedUser? user;
        try
        {
            var data = await gateway.GetWithSessionAsync("userInfo", "user/userInfo", $"{options.SessionCookie}={ticket}", cancellationToken).ConfigureAwait(false);
            user = data.TryGetProperty("userName", out var name) && name.ValueKind == JsonValueKind.String && name.GetString() is { Length: > 0 } userName
                ? new ResolvedUser(userName, options.AdminUsers.Contains(userName, StringComparer.Ordinal) ? ["admin"] : options.SessionRoles)
                : null;
        }
        catch (LinkisUnavailableException e)
        {
            logger.LogWarning("A Linkis session could not be checked: {Reason}", e.Message);
            return null;
        }
        catch (LinkisException)
        {
            // Not logged in, or the session has expired: the gateway's own answer.
            user = null;
        }
        if (sessions.Count >= MaxCachedSessions) Prune(now);
        sessions[key] = (user, now + options.SessionCacheDuration);
        return user;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, entry) in sessions)
        {
            if (entry.Until <= now) sessions.TryRemove(key, out _);
        }
        if (sessions.Count >= MaxCachedSessions) sessions.Clear();
    }
}
