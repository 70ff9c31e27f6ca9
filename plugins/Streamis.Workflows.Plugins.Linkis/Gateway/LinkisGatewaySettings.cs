namespace Streamis.Workflows.Plugins.Linkis.Gateway;

/// <summary>
/// How to reach a Linkis gateway: its address, the token code sent as <c>Token-Code</c> (never logged), an optional
/// fixed <c>Token-User</c> (otherwise each call is made as the job's submit user, as Streamis does), the time one HTTP
/// attempt may take and how often an idempotent call is retried.
/// </summary>
internal sealed record LinkisGatewaySettings(Uri GatewayUrl, string TokenCode, string? TokenUser, TimeSpan RequestTimeout, int MaxRetries)
{
    /// <summary>The longest an idempotent call may take with its retries and their back-off.</summary>
    public TimeSpan RetryingCallTimeout => RequestTimeout * (MaxRetries + 1) + LinkisHttpClients.MaxRetryDelay * MaxRetries;
}
