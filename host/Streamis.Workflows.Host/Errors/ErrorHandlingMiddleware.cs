using System.Text.Json;
using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Running;
using Streamis.Workflows.Engine.Runtime;
using Streamis.Workflows.Engine.Validation;

namespace Streamis.Workflows.Host.Errors;

/// <summary>
/// Turns every failure into a problem body. User errors are answered with their own words and not logged as
/// errors; anything else is a 500 that names the trace id to find it in the log, never a stack trace.
/// </summary>
public sealed class ErrorHandlingMiddleware(RequestDelegate next, ILogger<ErrorHandlingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var (status, title, detail, problems) = Describe(e);
            if (status >= 500) logger.LogError(e, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            if (status >= 500) detail ??= $"See the host log for trace id {context.TraceIdentifier}.";
            await ProblemResults.WriteAsync(context, status, title, detail, problems);
        }
    }

    private static (int, string, string?, IReadOnlyList<ValidationProblem>?) Describe(Exception e) => e switch
    {
        WorkflowDataException d => (400, "The request is invalid", null, d.Problems),
        BadHttpRequestException b => (b.StatusCode, "The request could not be read", b.InnerException is JsonException j ? JsonMessage(j) : b.Message, null),
        JsonException j => (400, "The request body is not valid JSON", JsonMessage(j), null),
        DefinitionNotFoundException n => (404, "Not found", n.Message, null),
        BookmarkNotFoundException n => (404, "Not found", n.Message, null),
        InvalidStateException s => (409, "The instance cannot continue", s.Message, null),
        _ => (500, "Internal error", null, null),
    };

    private static string JsonMessage(JsonException e) =>
        e.Path is { Length: > 0 } path ? $"{path}: {e.Message.Split(". Path:")[0]}" : e.Message.Split(". Path:")[0];
}
