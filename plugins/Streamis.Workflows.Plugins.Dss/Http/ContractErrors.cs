using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Streamis.Workflows.Plugins.Dss.Gateway;
using Streamis.Workflows.Sdk.HostServices;

namespace Streamis.Workflows.Plugins.Dss.Http;

/// <summary>Every expected failure of a contract endpoint as an envelope, so DSS shows the reason and never a 500.</summary>
internal static class ContractErrors
{
    public static TBuilder AnswersInEnvelope<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            var context = invocation.HttpContext;
            try
            {
                return await next(invocation);
            }
            catch (ContractRequestException e)
            {
                return ContractReply.Bad(context, e.Message);
            }
            catch (HostRefusalException e)
            {
                return ContractReply.Refused(context, e.Message, e.Code);
            }
            catch (DssGatewayException e)
            {
                return ContractReply.Unavailable(context, e.Message);
            }
        });
}
