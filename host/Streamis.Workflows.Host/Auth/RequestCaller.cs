using System.Security.Claims;
using Streamis.Workflows.Sdk.HostServices;

namespace Streamis.Workflows.Host.Auth;

/// <summary>
/// The caller of a request as a workflow sees it (<c>input.startedBy</c>): every instance the host starts for a request
/// carries the user and the DSS workspace the request came from, whichever endpoint started it.
/// </summary>
public static class RequestCaller
{
    public static WorkflowCaller Of(ClaimsPrincipal user) =>
        new(user.Identity?.Name ?? "", user.FindFirst(HostClaims.Workspace)?.Value);

    /// <summary>Puts the caller into an instance input, last, so a client's own <c>startedBy</c> cannot pose as someone else.</summary>
    public static Dictionary<string, object?> WithCaller(IReadOnlyDictionary<string, object?>? input, ClaimsPrincipal user) =>
        new(input ?? new Dictionary<string, object?>()) { [WorkflowCaller.InputName] = Of(user).ToInput() };
}
