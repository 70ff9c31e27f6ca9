using Microsoft.Extensions.FileProviders;
using Streamis.Workflows.Host.Errors;

namespace Streamis.Workflows.Host.Designer;

/// <summary>
/// The visual designer (built from host/designer into <c>&lt;host output&gt;/designer</c>): its files under
/// <c>/designer/</c>, and index.html for every other path below it, so the browser's own routes survive a reload.
/// </summary>
public static class DesignerFiles
{
    public const string RequestPath = "/designer";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "designer");

    /// <summary>
    /// The built files, anonymous: placed before authentication, since the page itself asks for the token and the
    /// files hold nothing secret. Hashed asset names change with their content, so they may be cached for good.
    /// </summary>
    public static IApplicationBuilder UseDesignerFiles(this IApplicationBuilder app)
    {
        if (Directory.Exists(Folder))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(Folder),
                RequestPath = RequestPath,
                OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                    context.Context.Request.Path.StartsWithSegments($"{RequestPath}/assets") ? "public, max-age=31536000, immutable" : "no-cache",
            });
        }
        // A designer file that is not there is simply missing (404), not a reason to ask for a token.
        return app.Use((context, next) => context.Request.Path.StartsWithSegments(RequestPath) && context.GetEndpoint() is null
            ? ProblemResults.WriteAsync(context, StatusCodes.Status404NotFound, "Not found", $"The designer has no file {context.Request.Path}.")
            : next(context));
    }

    public static void MapDesigner(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpRequest request) => Results.Redirect($"{request.PathBase}{RequestPath}/"))
            .AllowAnonymous().ExcludeFromDescription();
        // Paths without a file extension are the designer's own pages; a missing asset stays a 404.
        app.MapGet($"{RequestPath}/{{*path:nonfile}}", IndexAsync).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> IndexAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.Path.Value == RequestPath) return Results.Redirect($"{request.PathBase}{RequestPath}/{request.QueryString}");
        var index = Path.Combine(Folder, "index.html");
        if (!File.Exists(index))
            return ProblemResults.NotFound("The designer is not built into this host: build the host with Node.js and npm installed (see README, Designer).");
        var html = await File.ReadAllTextAsync(index, ct);
        // The page resolves its assets and the API from this base, so it works wherever the host is mounted.
        var baseHref = System.Net.WebUtility.HtmlEncode($"{request.PathBase}{RequestPath}/");
        html = html.Replace("<head>", $"<head>\n    <base href=\"{baseHref}\" />", StringComparison.Ordinal);
        request.HttpContext.Response.Headers.CacheControl = "no-cache";
        return Results.Text(html, "text/html; charset=utf-8");
    }
}
