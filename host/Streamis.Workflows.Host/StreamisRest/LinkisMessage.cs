using System.Text.Json;
using System.Text.Json.Nodes;

namespace Streamis.Workflows.Host.StreamisRest;

/// <summary>
/// The Linkis envelope <c>{method, status, message, data}</c> every Streamis endpoint answers with; <c>method</c> is
/// the request path, as Linkis reports it.
/// </summary>
public static class LinkisMessage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The longest message an envelope carries. Refusals quote what the caller sent ("snapshot must be true or false,
    /// not ..."), and a caller that sent a megabyte should not get it back.
    /// </summary>
    public const int MaxMessageLength = 2_000;

    public static JsonObject Body(HttpContext context, int status, string message, JsonObject? data) => new()
    {
        ["method"] = (context.Request.PathBase + context.Request.Path).Value,
        ["status"] = status,
        ["message"] = message.Length > MaxMessageLength ? message[..MaxMessageLength] + "…" : message,
        ["data"] = data ?? new JsonObject(),
    };

    public static IResult Ok(HttpContext context, JsonObject? data = null, string message = "OK") =>
        Results.Json(Body(context, LinkisStatus.Success, message, data), Json, statusCode: StatusCodes.Status200OK);

    /// <summary>An error the way Streamis returns it from a controller: HTTP 200, status 1.</summary>
    public static IResult Error(HttpContext context, string message, JsonObject? data = null) =>
        Results.Json(Body(context, LinkisStatus.Error, message, data), Json, statusCode: StatusCodes.Status200OK);

    /// <summary>For failures raised outside an endpoint (authentication, bad input, faults): HTTP status as Linkis maps it.</summary>
    public static Task WriteAsync(HttpContext context, int status, string message, int? httpStatus = null, JsonObject? data = null)
    {
        context.Response.StatusCode = httpStatus ?? LinkisStatus.HttpStatusFor(status);
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(Body(context, status, message, data).ToJsonString(Json));
    }
}
