using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Streamis.Workflows.Plugins.Dss.Http;

/// <summary>
/// Answers in the Linkis envelope <c>{method, status, message, data}</c> DSS' AppConns parse: status 0 on success;
/// a refusal (unknown id, duplicate, no privilege) is HTTP 200 with status 1, as Streamis returns it; a malformed
/// request is HTTP 400 with status 1, as Linkis maps a thrown error.
/// </summary>
internal static class ContractReply
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IResult Ok(HttpContext context, JsonObject? data = null, string message = "OK") => Reply(context, 0, message, data, StatusCodes.Status200OK);

    public static IResult Refused(HttpContext context, string message, int? errorCode = null) =>
        Reply(context, 1, message, errorCode is { } code ? new JsonObject { ["errorCode"] = code } : null, StatusCodes.Status200OK);

    public static IResult Bad(HttpContext context, string message) => Reply(context, 1, message, null, StatusCodes.Status400BadRequest);

    /// <summary>A system this plugin depends on (the DSS gateway) failed: not the caller's fault, and worth a retry.</summary>
    public static IResult Unavailable(HttpContext context, string message) => Reply(context, 1, message, null, StatusCodes.Status502BadGateway);

    private static IResult Reply(HttpContext context, int status, string message, JsonObject? data, int httpStatus)
    {
        var envelope = new JsonObject
        {
            ["method"] = (context.Request.PathBase + context.Request.Path).Value,
            ["status"] = status,
            ["message"] = message,
            ["data"] = data ?? new JsonObject(),
        };
        return Results.Json(envelope, Json, statusCode: httpStatus);
    }
}
