using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Streamis.Workflows.Plugins.Linkis.Gateway;

/// <summary>
/// The two HTTP clients a plugin talks to Linkis with, from the host's <see cref="IHttpClientFactory"/>: one that retries
/// (reads, status polls, log pages, BML uploads, the kill that is harmless twice) and one that never does
/// (createEngineConn, savepoints), because sending those twice would launch a job twice or take two savepoints.
/// </summary>
internal static class LinkisHttpClients
{
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>Client names are the host's, shared by every plugin: each plugin's carry its own prefix.</summary>
    public static string Retrying(string owner) => owner + ".linkis.retrying";

    public static string Once(string owner) => owner + ".linkis.once";

    public static void Add(IServiceCollection services, string owner, LinkisGatewaySettings settings)
    {
        AddRetrying(services, Retrying(owner), settings.RequestTimeout, settings.MaxRetries);
        services.AddHttpClient(Once(owner), client => client.Timeout = Timeout.InfiniteTimeSpan);
    }

    /// <summary>A client whose calls are retried on transient failures (5xx, 408, 429, no answer) with exponential back-off and jitter.</summary>
    public static void AddRetrying(IServiceCollection services, string name, TimeSpan attemptTimeout, int maxRetries)
    {
        // Time is bounded per call by the caller (and per attempt by the pipeline), not by HttpClient's 100 s default.
        services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("retry", pipeline =>
            {
                if (maxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = maxRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = FirstRetryDelay,
                        MaxDelay = MaxRetryDelay,
                    });
                }
                pipeline.AddTimeout(attemptTimeout);
            });
    }
}
