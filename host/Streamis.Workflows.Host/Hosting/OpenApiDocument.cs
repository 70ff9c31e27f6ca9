using Streamis.Workflows.Host.Errors;

namespace Streamis.Workflows.Host.Hosting;

/// <summary>
/// The host's one OpenAPI document at <c>/openapi/v1.json</c>. Mapped by its name rather than the framework's
/// <c>{documentName}</c> pattern, and the handler's <c>documentName</c> is kept from the query string too: either way
/// another name was answered in plain text instead of a problem body.
/// </summary>
public static class OpenApiDocument
{
    public const string Name = "v1";

    public static void MapOpenApiDocument(this WebApplication app) =>
        app.MapOpenApi($"/openapi/{Name}.json").AllowAnonymous()
            .AddEndpointFilter((context, next) => context.HttpContext.Request.Query.ContainsKey("documentName")
                ? ValueTask.FromResult<object?>(ProblemResults.Invalid("$.documentName", $"is not a parameter of this document; the host's one document is /openapi/{Name}.json"))
                : next(context));
}
