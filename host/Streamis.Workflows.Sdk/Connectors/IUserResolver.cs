using Microsoft.AspNetCore.Http;

namespace Streamis.Workflows.Sdk.Connectors;

/// <summary>
/// Says who is calling, from what a request carries (a Linkis session cookie, a DSS hand-off). Returns null when
/// the request is not its kind, so the next resolver can try.
/// </summary>
public interface IUserResolver
{
    Task<ResolvedUser?> ResolveAsync(HttpContext context, CancellationToken cancellationToken);
}
