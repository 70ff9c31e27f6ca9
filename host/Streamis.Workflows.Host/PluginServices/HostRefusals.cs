using Streamis.Workflows.Sdk.HostServices;
using Streamis.Workflows.StreamJobs.Models;

namespace Streamis.Workflows.Host.PluginServices;

/// <summary>The domain's refusals in the Sdk's terms, so a plugin can tell them apart without knowing the domain.</summary>
internal static class HostRefusals
{
    public static HostRefusalException From(StreamJobsException e) => new(e.Kind switch
    {
        StreamJobsErrorKind.NotFound => RefusalKind.NotFound,
        StreamJobsErrorKind.Conflict => RefusalKind.Conflict,
        StreamJobsErrorKind.Forbidden => RefusalKind.Forbidden,
        _ => RefusalKind.Invalid,
    }, e.Message, e.Code);

    public static async Task<T> TranslateAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (StreamJobsException e)
        {
            throw From(e);
        }
    }
}
