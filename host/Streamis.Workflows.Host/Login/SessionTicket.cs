using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Streamis.Workflows.Host.Login;

/// <summary>
/// The Linkis session cookie, issued by this host: the user name and a session id, encrypted and signed with ASP.NET
/// Data Protection (keys in the data folder) and time-limited, so it can be neither read nor forged nor stretched.
/// Logout revokes the session id on this node until the ticket would have expired anyway.
/// </summary>
public sealed class SessionTicket(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "linkis_user_session_ticket_id_v1";

    private readonly ITimeLimitedDataProtector protector = protection.CreateProtector("Streamis.Workflows.Host.Login.SessionTicket.v1").ToTimeLimitedDataProtector();
    private readonly ConcurrentDictionary<string, DateTimeOffset> revoked = new(StringComparer.Ordinal);

    public (string Value, DateTimeOffset Expires) Issue(string userName, TimeSpan duration)
    {
        var expires = clock.GetUtcNow() + duration;
        var payload = JsonSerializer.Serialize(new Payload(userName, Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));
        return (protector.Protect(payload, expires), expires);
    }

    /// <summary>The user the ticket names, or null for a ticket that is foreign, tampered with, expired or logged out.</summary>
    public string? Read(string? value) => Open(value) is { } payload && !revoked.ContainsKey(payload.SessionId) ? payload.UserName : null;

    public void Revoke(string? value)
    {
        if (Open(value, out var expires) is not { } payload) return;
        var now = clock.GetUtcNow();
        foreach (var (id, until) in revoked)
            if (until <= now) revoked.TryRemove(id, out _);
        revoked[payload.SessionId] = expires;
    }

    private Payload? Open(string? value) => Open(value, out _);

    private Payload? Open(string? value, out DateTimeOffset expires)
    {
        expires = default;
        if (string.IsNullOrWhiteSpace(value)) return null;
        try
        {
            // The protector checks expiry against the system clock itself.
            return JsonSerializer.Deserialize<Payload>(protector.Unprotect(value, out expires));
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private sealed record Payload(string UserName, string SessionId);
}
