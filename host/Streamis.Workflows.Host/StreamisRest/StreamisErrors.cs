using Streamis.Workflows.Engine.Validation;
using Streamis.Workflows.StreamJobs.Models;

namespace Streamis.Workflows.Host.StreamisRest;

/// <summary>
/// Failures under the Streamis prefix as envelopes. Domain refusals (unknown id, no privilege, conflicts) are what
/// Streamis' controllers return, so HTTP 200 with status 1; bad parameters are what it throws, so HTTP 400.
/// </summary>
public static class StreamisErrors
{
    public static Task WriteAsync(HttpContext context, Exception e, ILogger logger)
    {
        context.Response.Clear();
        switch (e)
        {
            case StreamJobsException domain:
                return LinkisMessage.WriteAsync(context, LinkisStatus.Error, domain.Message, StatusCodes.Status200OK,
                    new System.Text.Json.Nodes.JsonObject { ["errorCode"] = domain.Code });
            case StreamisRequestException request:
                return LinkisMessage.WriteAsync(context, LinkisStatus.Error, request.Message, StatusCodes.Status400BadRequest);
            case WorkflowDataException data:
                return LinkisMessage.WriteAsync(context, LinkisStatus.Error,
                    string.Join("; ", data.Problems.Select(p => $"{p.Path.TrimStart('$', '.')} {p.Message}".Trim())), StatusCodes.Status400BadRequest);
            case BadHttpRequestException bad:
                return LinkisMessage.WriteAsync(context, LinkisStatus.Error, bad.Message, bad.StatusCode);
            default:
                logger.LogError(e, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
                return LinkisMessage.WriteAsync(context, LinkisStatus.Error,
                    $"Internal error; see the host log for trace id {context.TraceIdentifier}.", StatusCodes.Status500InternalServerError);
        }
    }
}
