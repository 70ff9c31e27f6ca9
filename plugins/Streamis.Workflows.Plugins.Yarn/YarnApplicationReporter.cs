using System.Text.Json;
using Streamis.Workflows.Plugins.Linkis.Gateway;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Yarn;

/// <summary>
/// What the ResourceManager says of a linkis-flink job's YARN application, so that a job Linkis calls Failed while YARN
/// says FINISHED/SUCCEEDED (apache/linkis #1996) is shown as it really ended.
/// </summary>
public sealed class YarnApplicationReporter : IApplicationReporter
{
    private readonly ResourceManagerClient resourceManager;

    internal YarnApplicationReporter(ResourceManagerClient resourceManager) => this.resourceManager = resourceManager;

    public string Engine => LinkisHandle.Engine;

    public async Task<ApplicationReport?> GetReportAsync(JobHandle handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handle);
        if (handle.Get(LinkisHandle.ApplicationIdKey) is not { Length: > 0 } applicationId) return null;
        if (await resourceManager.GetApplicationAsync(applicationId, cancellationToken).ConfigureAwait(false) is not { } app) return null;
        var state = Text(app, "state") ?? "UNKNOWN";
        var finalStatus = Text(app, "finalStatus");
        return new ApplicationReport(applicationId, state, finalStatus, StatusOf(state, finalStatus), Text(app, "diagnostics"), Text(app, "trackingUrl"));
    }

    /// <summary>An ended application's task status; null while it has not ended.</summary>
    internal static StreamTaskStatus? StatusOf(string state, string? finalStatus) => (state, finalStatus) switch
    {
        ("FINISHED", "SUCCEEDED") => StreamTaskStatus.Completed,
        ("KILLED", _) or ("FINISHED", "KILLED") => StreamTaskStatus.Stopped,
        ("FAILED", _) or ("FINISHED", _) => StreamTaskStatus.Failed,
        _ => null,
    };

    private static string? Text(JsonElement app, string name) =>
        app.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
