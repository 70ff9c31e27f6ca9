using System.Text.Json;
using Streamis.Workflows.Engine.Validation;

namespace Streamis.Workflows.Host.Errors;

/// <summary>
/// Problem bodies (RFC 9457) for every error answer: a title, a plain detail, and for bad input an
/// <c>errors</c> list naming each field (a JSON path) and what is wrong with it.
/// </summary>
public static class ProblemResults
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>How many problems one answer lists.</summary>
    public const int MaxListedProblems = 100;

    /// <summary>For the title-only problems the framework itself would send (e.g. 404 for an unknown route).</summary>
    public static string Title(int status) => status switch
    {
        400 => "The request is invalid",
        404 => "Not found",
        405 => "Method not allowed",
        415 => "Unsupported media type",
        _ => "Error",
    };

    public static IResult Invalid(IEnumerable<ValidationProblem> problems, string title = "The request is invalid") =>
        Results.Json(Body(StatusCodes.Status400BadRequest, title, null, problems), Json, "application/problem+json", StatusCodes.Status400BadRequest);

    public static IResult Invalid(string path, string message) => Invalid([new ValidationProblem(path, message)]);

    public static IResult NotFound(string detail) =>
        Results.Json(Body(StatusCodes.Status404NotFound, "Not found", detail, null), Json, "application/problem+json", StatusCodes.Status404NotFound);

    public static IResult Conflict(string detail) =>
        Results.Json(Body(StatusCodes.Status409Conflict, "Conflict", detail, null), Json, "application/problem+json", StatusCodes.Status409Conflict);

    public static Task WriteAsync(HttpContext context, int status, string title, string? detail, IEnumerable<ValidationProblem>? problems = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(Body(status, title, detail, problems), Json));
    }

    private static Dictionary<string, object?> Body(int status, string title, string? detail, IEnumerable<ValidationProblem>? problems)
    {
        var body = new Dictionary<string, object?> { ["type"] = $"https://httpstatuses.io/{status}", ["title"] = title, ["status"] = status };
        if (detail is not null) body["detail"] = detail;
        if (problems is null) return body;
        // A list of 100,000 bad entries would answer megabytes; the first ones and a count tell the caller enough.
        var all = problems.ToList();
        var errors = all.Take(MaxListedProblems).Select(p => new { path = p.Path, message = p.Message }).ToList();
        if (all.Count > MaxListedProblems) errors.Add(new { path = "$", message = $"{all.Count - MaxListedProblems} more problems are not listed" });
        body["errors"] = errors;
        return body;
    }
}
