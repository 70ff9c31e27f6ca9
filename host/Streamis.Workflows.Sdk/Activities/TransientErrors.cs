using Streamis.Workflows.Sdk.Errors;

namespace Streamis.Workflows.Sdk.Activities;

/// <summary>Decides which exceptions the default retry policy retries.</summary>
public static class TransientErrors
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        TransientException => true,
        TimeoutException => true,
        HttpRequestException => true,
        IOException => true,
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };
}
