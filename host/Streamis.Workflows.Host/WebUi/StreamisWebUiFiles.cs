using Microsoft.Extensions.FileProviders;

namespace Streamis.Workflows.Host.WebUi;

/// <summary>
/// Serves a Streamis web UI build on this host's origin, which the UI needs (it calls <c>/api/rest_j/v1</c> on the
/// origin it was loaded from). Anonymous like the designer: the files hold nothing secret, and the UI asks for a
/// login when its first call answers status -1.
/// </summary>
public static class StreamisWebUiFiles
{
    private static readonly string[] Taken = ["/api", "/designer", "/openapi", "/scalar", "/health", "/metrics"];

    public static IApplicationBuilder UseStreamisWebUi(this WebApplication app)
    {
        var options = app.Configuration.GetSection(StreamisWebUiOptions.Section).Get<StreamisWebUiOptions>() ?? new StreamisWebUiOptions();
        if (string.IsNullOrWhiteSpace(options.Directory)) return app;
        var folder = Path.GetFullPath(options.Directory);
        if (!File.Exists(Path.Combine(folder, "index.html")))
            throw new InvalidOperationException($"{StreamisWebUiOptions.Section}:Directory \"{folder}\" holds no index.html: point it at the web UI's build (dist) folder");
        var path = "/" + options.Path.Trim().Trim('/');
        if (path == "/" || Taken.Any(t => path.Equals(t, StringComparison.OrdinalIgnoreCase) || path.StartsWith(t + "/", StringComparison.OrdinalIgnoreCase)))
            throw new InvalidOperationException($"{StreamisWebUiOptions.Section}:Path \"{options.Path}\" is taken by the host; choose another, such as /streamis");

        // "/streamis" without its slash would resolve the UI's relative asset paths one folder too high.
        app.Use((context, next) =>
        {
            if (!string.Equals(context.Request.Path.Value, path, StringComparison.OrdinalIgnoreCase)) return next(context);
            context.Response.Redirect($"{context.Request.PathBase}{path}/{context.Request.QueryString}");
            return Task.CompletedTask;
        });
        var files = new PhysicalFileProvider(folder);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = path });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = path,
            // index.html names the current assets, so it is always revalidated.
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl =
                c.File.Name.Equals("index.html", StringComparison.OrdinalIgnoreCase) ? "no-cache" : "public, max-age=3600",
        });
        // A UI file that is not there is simply missing (404), not a reason to ask for a session.
        app.Use((context, next) => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase) && context.GetEndpoint() is null
            ? Errors.ProblemResults.WriteAsync(context, StatusCodes.Status404NotFound, "Not found", $"The Streamis web UI has no file {context.Request.Path}.")
            : next(context));
        return app;
    }
}
