using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Streamis.Workflows.Host.Errors;
using Streamis.Workflows.Host.StreamisRest;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Host.Auth;

/// <summary>
/// Who is calling: Linkis-style <c>Token-User</c> + <c>Token-Code</c> headers, a bearer token, or whatever a plugin's
/// <see cref="IUserResolver"/> recognises (a Linkis session cookie, a DSS hand-off). Token codes are compared in
/// constant time and never logged.
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<AuthOptions> auth,
    IEnumerable<IUserResolver> resolvers) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Streamis";
    public const string WorkspaceClaim = "workspace";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var headers = Request.Headers;
        if (headers.TryGetValue("Token-Code", out var code))
        {
            var user = headers["Token-User"].ToString();
            if (string.IsNullOrWhiteSpace(user)) return AuthenticateResult.Fail("the Token-User header is required with Token-Code");
            var token = Find(code.ToString());
            if (token is null) return AuthenticateResult.Fail("the Token-Code is not valid");
            if (!token.AllowImpersonation && !string.Equals(user, token.User, StringComparison.Ordinal))
                return AuthenticateResult.Fail($"the Token-Code is not valid for user \"{user}\"");
            return Success(user, token.Roles, null);
        }
        var authorization = headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = Find(authorization["Bearer ".Length..].Trim());
            return token is null ? AuthenticateResult.Fail("the bearer token is not valid") : Success(token.User, token.Roles, null);
        }
        foreach (var resolver in resolvers)
        {
            var resolved = await resolver.ResolveAsync(Context, Context.RequestAborted).ConfigureAwait(false);
            if (resolved is not null) return Success(resolved.UserName, resolved.Roles, resolved.Workspace);
        }
        return AuthenticateResult.NoResult();
    }

    // The Streamis web UI goes to its login page on status -1, so its API answers in its own envelope.
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => StreamisApi.Owns(Context)
        ? LinkisMessage.WriteAsync(Context, LinkisStatus.NotLoggedIn, "You are not logged in, please login first(您尚未登录，请先登录!)")
        : ProblemResults.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Not signed in",
            "Send Token-User and Token-Code headers, or Authorization: Bearer <token>.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => StreamisApi.Owns(Context)
        ? LinkisMessage.WriteAsync(Context, LinkisStatus.AuthFailed, $"User \"{Context.User.Identity?.Name}\" may not call this.")
        : ProblemResults.WriteAsync(Context, StatusCodes.Status403Forbidden, "Not allowed",
            $"User \"{Context.User.Identity?.Name}\" lacks the role this needs.");

    private TokenOptions? Find(string code)
    {
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(code));
        TokenOptions? found = null;
        foreach (var token in AllTokens())
        {
            // Every token is compared, and compared in constant time, so timing tells nothing about codes.
            if (CryptographicOperations.FixedTimeEquals(given, SHA256.HashData(Encoding.UTF8.GetBytes(token.Code))) && token.Code.Length > 0)
                found ??= token;
        }
        return found;
    }

    private IEnumerable<TokenOptions> AllTokens()
    {
        foreach (var token in auth.CurrentValue.Tokens) yield return token;
        if (Environment.GetEnvironmentVariable(AuthOptions.BootstrapVariable) is { Length: > 0 } bootstrap)
            yield return new TokenOptions { User = "admin", Code = bootstrap, Roles = [Roles.Admin] };
    }

    private AuthenticateResult Success(string user, IEnumerable<string> roles, string? workspace)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, user) };
        claims.AddRange(roles.SelectMany(Roles.Implied).Distinct().Select(r => new Claim(ClaimTypes.Role, r)));
        if (workspace is not null) claims.Add(new Claim(WorkspaceClaim, workspace));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
