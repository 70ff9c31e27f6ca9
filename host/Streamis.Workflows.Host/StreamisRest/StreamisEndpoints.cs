using Streamis.Workflows.Host.Auth;

namespace Streamis.Workflows.Host.StreamisRest;

/// <summary>The Streamis 0.2.0 REST API under <c>/api/rest_j/v1/streamis</c>; who may do what is decided by project privileges.</summary>
public static class StreamisEndpoints
{
    public static void MapStreamisEndpoints(this IEndpointRouteBuilder app)
    {
        var streamis = app.MapGroup(StreamisApi.Prefix).WithTags("Streamis").RequireAuthorization(Policies.Streamis);
        streamis.MapStreamisJobEndpoints();
        streamis.MapStreamisStatusEndpoints();
        streamis.MapStreamisConfigEndpoints();
        streamis.MapStreamisPrivilegeEndpoints();
        streamis.MapStreamisProjectFileEndpoints();
        streamis.MapStreamisWorkspaceEndpoints();
    }
}
