using System.Text.Json;
using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Running;
using Streamis.Workflows.Engine.Runtime;
using Streamis.Workflows.Engine.Validation;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.Host.StreamisRest;

namespace Streamis.Workflows.Host.Errors;

/// <summary>
/// Turns every failure into a problem body. User errors are answered with their own words and not logged as
/// errors; anything else is a 500 that names the trace id to find it in the log, never a stack trace.
/// </summary>
public sealed partial class ErrorHandlingMiddleware(RequestDelegate next, ILogger<ErrorHandlingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            if (StreamisApi.Owns(context))
            {
                await StreamisErrors.WriteAsync(context, e, logger);
                return;
            }
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
        BadHttpRequestException b when QueryProblem(b.Message) is { } problem => (400, "The request is invalid", null, [problem]),
        BadHttpRequestException b => (b.StatusCode, "The request could not be read", b.InnerException is JsonException j ? JsonMessage(j) : b.Message, null),
        JsonException j => (400, "The request body is not valid JSON", JsonMessage(j), null),
        DefinitionNotFoundException n => (404, "Not found", n.Message, null),
        StreamJobsException d => d.Kind switch
        {
            StreamJobsErrorKind.NotFound => (404, "Not found", d.Message, null),
            StreamJobsErrorKind.Conflict => (409, "Conflict", d.Message, null),
            StreamJobsErrorKind.Forbidden => (403, "Not allowed", d.Message, null),
            _ => (400, "The request is invalid", d.Message, null),
        },
        BookmarkNotFoundException n => (404, "Not found", n.Message, null),
        InvalidStateException s => (409, "The instance cannot continue", s.Message, null),
        _ => (500, "Internal error", null, null),
    };

    /// <summary>
    /// The framework's "Failed to bind parameter "Nullable&lt;int&gt; page" from "abc"" in words a caller can act on,
    /// naming the parameter and what it takes.
    /// </summary>
    private static ValidationProblem? QueryProblem(string message)
    {
        var match = BindFailure().Match(message);
        if (!match.Success) return null;
        var type = match.Groups["type"].Value;
        var expected = type switch
        {
            _ when type.Contains("int", StringComparison.OrdinalIgnoreCase) || type.Contains("long", StringComparison.OrdinalIgnoreCase) => "a whole number",
            _ when type.Contains("DateTime", StringComparison.Ordinal) => "a date and time such as 2026-01-31T12:00:00Z",
            _ when type.Contains("bool", StringComparison.OrdinalIgnoreCase) => "true or false",
            _ when type.Contains("double", StringComparison.OrdinalIgnoreCase) || type.Contains("decimal", StringComparison.OrdinalIgnoreCase) => "a number",
            _ => "a value of another form",
        };
        return new ValidationProblem($"$.{match.Groups["name"].Value}", $"\"{match.Groups["value"].Value}\" is not {expected}");
    }

    [System.Text.RegularExpressions.GeneratedRegex("^Failed to bind parameter \"(?<type>.+) (?<name>[A-Za-z0-9_]+)\" from \"(?<value>.*)\"\\.?$")]
    private static partial System.Text.RegularExpressions.Regex BindFailure();

    private static string JsonMessage(JsonException e) =>
        e.Path is { Length: > 0 } path ? $"{path}: {e.Message.Split(". Path:")[0]}" : e.Message.Split(". Path:")[0];
}
