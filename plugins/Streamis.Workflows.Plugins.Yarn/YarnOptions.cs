using Microsoft.Extensions.Configuration;
using Streamis.Workflows.Plugins.Linkis.Gateway;

namespace Streamis.Workflows.Plugins.Yarn;

/// <summary>
/// The YARN plugin's settings (<c>Plugins:yarn</c>): a ResourceManager to read logs and application states from
/// directly, and/or a Linkis gateway whose ECMs fetch YARN logs (Linkis 1.1.3 and later). At least one of the two.
/// </summary>
public sealed class YarnOptions
{
    public const string Section = "Plugins:yarn";

    /// <summary>The ResourceManager's web address, e.g. <c>http://rm:8088</c>; logs and states then come from YARN itself.</summary>
    public Uri? ResourceManagerUrl { get; init; }

    /// <summary>The Linkis gateway, used for logs when no ResourceManager is configured.</summary>
    public Uri? GatewayUrl { get; init; }

    /// <summary>Sent as <c>Token-Code</c> to the gateway; never logged nor shown in an error.</summary>
    public string? TokenCode { get; init; }

    public string? TokenUser { get; init; }

    internal LinkisVersion LinkisVersion { get; init; } = LinkisVersion.Default;

    /// <summary>The application master's log file the NodeManager serves (Flink's JobManager log).</summary>
    public string ApplicationMasterLog { get; init; } = "jobmanager.log";

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public int MaxRetries { get; init; } = 3;

    internal LinkisGatewaySettings? Gateway =>
        GatewayUrl is null || TokenCode is null ? null : new LinkisGatewaySettings(GatewayUrl, TokenCode, TokenUser, RequestTimeout, MaxRetries);

    /// <summary>Null when the section is empty (not configured); every bad key is named otherwise.</summary>
    public static YarnOptions? FromConfiguration(IConfiguration section, string sectionPath = Section)
    {
        var reader = new SettingsReader(section, sectionPath);
        if (reader.IsEmpty) return null;
        var resourceManager = reader.Url("ResourceManagerUrl", required: false);
        var gateway = reader.Url("GatewayUrl", required: false);
        var token = reader.Text("TokenCode");
        if (resourceManager is null && gateway is null && reader.Text("ResourceManagerUrl") is null && reader.Text("GatewayUrl") is null)
            reader.Problem("ResourceManagerUrl", "or GatewayUrl is required: YARN logs come from the ResourceManager or through Linkis");
        if (gateway is not null && token is null) reader.Problem("TokenCode", "is required with GatewayUrl");
        var release = reader.Text("LinkisVersion");
        var version = LinkisVersion.Default;
        if (release is not null && !LinkisVersion.TryParse(release, out version)) reader.Problem("LinkisVersion", $"must be a release number such as 1.1.3, not '{release}'");
        var options = new YarnOptions
        {
            ResourceManagerUrl = resourceManager,
            GatewayUrl = gateway,
            TokenCode = token,
            TokenUser = reader.Text("TokenUser"),
            LinkisVersion = version,
            ApplicationMasterLog = reader.Text("ApplicationMasterLog", "jobmanager.log"),
            RequestTimeout = reader.Duration("RequestTimeout", TimeSpan.FromSeconds(30)),
            MaxRetries = reader.Number("MaxRetries", 3, 0, 10),
        };
        reader.ThrowIfInvalid();
        return options;
    }
}
