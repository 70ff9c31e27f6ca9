using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Streamis.Workflows.Plugins.Dss.Gateway;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Dss.Sso;

/// <summary>
/// Signs in DSS users: the ticket of a DSS hand-off (or of this plugin's browser session) is checked by asking the
/// configured gateway who holds it — never the <c>dssurl</c> the request names, which would let anyone vouch for
/// themselves from their own server. The gateway's answer is kept for <see cref="DssOptions.UserCacheDuration"/>.
/// A gateway that cannot be reached is a 503 naming it, not a silent "not signed in".
/// </summary>
public sealed class DssUserResolver(DssGatewayClient gateway, DssOptions options, ILogger<DssUserResolver> logger) : IUserResolver, IDisposable
{
    // Unknown tickets are remembered too (a ticket never becomes valid later); the size cap bounds a flood of them.
    private readonly MemoryCache answers = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public async Task<ResolvedUser?> ResolveAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (!options.SignsInUsers) return null;
        if (DssHandoff.From(context.Request, options.TicketCookie) is not { Ticket: { } ticket } handoff) return null;
        var userName = await UserNameAsync(ticket, cancellationToken);
        return userName is null ? null : new ResolvedUser(userName, options.UserRoles, handoff.Workspace);
    }

    private async Task<string?> UserNameAsync(string ticket, CancellationToken cancellationToken)
    {
        if (answers.TryGetValue(ticket, out GatewayAnswer? known)) return known!.UserName;
        string? userName;
        try
        {
            userName = await gateway.FindUserNameAsync(ticket, cancellationToken);
        }
        catch (DssGatewayException e)
        {
            logger.LogWarning("A DSS session could not be checked: {Reason}", e.Message);
            throw new BadHttpRequestException($"The DSS session cannot be checked now: {e.Message}", StatusCodes.Status503ServiceUnavailable);
        }
        answers.Set(ticket, new GatewayAnswer(userName), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.UserCacheDuration });
        return userName;
    }

    public void Dispose() => answers.Dispose();

    private sealed record GatewayAnswer(string? UserName);
}
