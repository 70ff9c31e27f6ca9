using Scalar.AspNetCore;
using Serilog;
using Streamis.Workflows.Host.Designer;
using Streamis.Workflows.Host.Endpoints.Bulk;
using Streamis.Workflows.Host.Endpoints.Config;
using Streamis.Workflows.Host.Endpoints.Definitions;
using Streamis.Workflows.Host.Endpoints.Instances;
using Streamis.Workflows.Host.Endpoints.Projects;
using Streamis.Workflows.Host.Endpoints.System;
using Streamis.Workflows.Host.Errors;
using Streamis.Workflows.Host.Hosting;
using Streamis.Workflows.Host.Login;
using Streamis.Workflows.Host.StreamisRest;
using Streamis.Workflows.Host.WebUi;

if (PasswordHashCommand.TryRun(args, Console.In, Console.Out, Console.Error)) return;

// The host's own files (appsettings.json) sit beside its binaries, wherever it is started from; ./data stays
// relative to the caller's folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var paths = new HostPaths(builder.Configuration);
// The file sink's path in appsettings refers to %STREAMIS_LOG_DIR%, so logs land in the data folder. It is filled in
// here, in this host's configuration: the process environment is shared by every host in the process (tests run
// several), and one host's folder would leak into another's log path.
foreach (var sink in builder.Configuration.GetSection("Serilog:WriteTo").GetChildren())
    if (sink["Args:path"] is { } logPath && logPath.Contains("%STREAMIS_LOG_DIR%", StringComparison.Ordinal))
        builder.Configuration[$"{sink.Path}:Args:path"] = logPath.Replace("%STREAMIS_LOG_DIR%", paths.LogDirectory, StringComparison.Ordinal);
// Still set for any other configured path that names it (one host per process in production).
Environment.SetEnvironmentVariable("STREAMIS_LOG_DIR", paths.LogDirectory);

// This host's own logger, not the process-wide static one: several hosts in one process (tests) each log to their own files.
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services), preserveStaticLogger: true);
// Plugins load before the host's logger exists; this one lives only that long, so the log file has one writer after.
Streamis.Workflows.Host.Plugins.PluginCatalog plugins;
using (var startupLoggerFactory = LoggerFactory.Create(l => l.AddSerilog(new LoggerConfiguration().ReadFrom.Configuration(builder.Configuration).CreateLogger(), dispose: true)))
    plugins = builder.AddStreamisWorkflows(paths, startupLoggerFactory.CreateLogger("Startup"));
builder.Services.AddStreamisLogin(builder.Configuration, paths);
builder.Services.AddOpenApi();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

var app = builder.Build();
// Outermost, so it logs the status the caller really got.
app.UseSerilogRequestLogging(o =>
{
    o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} answered {StatusCode} in {Elapsed:0.0} ms";
    o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
});
app.UseMiddleware<ErrorHandlingMiddleware>();
// The framework's own bare answers (unknown route, wrong method) get a problem body too.
app.UseStatusCodePages(context => StreamisApi.Owns(context.HttpContext)
    ? LinkisMessage.WriteAsync(context.HttpContext, LinkisStatus.Error, $"{context.HttpContext.Request.Method} {context.HttpContext.Request.Path} cannot be answered",
        context.HttpContext.Response.StatusCode)
    : ProblemResults.WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode,
    ProblemResults.Title(context.HttpContext.Response.StatusCode), $"{context.HttpContext.Request.Method} {context.HttpContext.Request.Path} cannot be answered"));
app.UseDesignerFiles();
app.UseStreamisWebUi();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApiDocument();
app.MapScalarApiReference().AllowAnonymous();
app.MapDefinitionEndpoints();
app.MapInstanceEndpoints();
app.MapBulkEndpoints();
app.MapProjectEndpoints();
app.MapConfigDefinitionEndpoints();
app.MapSystemEndpoints();
app.MapSessionEndpoints();
app.MapDesigner();
app.MapStreamisEndpoints();
app.MapLoginEndpoints();
app.MapDssBaseInfo();
plugins.MapEndpoints(app, app.Services.GetRequiredService<ILogger<Program>>());

app.Run();
