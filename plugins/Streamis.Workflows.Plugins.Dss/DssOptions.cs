using Microsoft.Extensions.Configuration;

namespace Streamis.Workflows.Plugins.Dss;

/// <summary>The plugin's settings, from <c>Plugins:dss</c>; checked when the plugin loads, each problem named by its key.</summary>
public sealed class DssOptions
{
    public const string Section = "Plugins:dss";

    /// <summary>
    /// The DSS/Linkis gateway (e.g. <c>http://dss-gateway:9001</c>) that DSS sessions are checked against. Without it
    /// the plugin signs nobody in and does not sync; the AppConn endpoints still answer token-authenticated callers.
    /// </summary>
    public string? GatewayUrl { get; set; }

    /// <summary>The Linkis session cookie DSS forwards (<c>wds.linkis.session.ticket.key</c>).</summary>
    public string TicketCookie { get; set; } = "linkis_user_session_ticket_id_v1";

    /// <summary>How long the gateway's answer for a ticket is trusted before it is asked again.</summary>
    public TimeSpan UserCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a call to the gateway may take.</summary>
    public TimeSpan GatewayTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Host roles of a user signed in through DSS (viewer, operator, admin); viewer when not set.</summary>
    public List<string> UserRoles { get; set; } = [];

    /// <summary>
    /// Origins (<c>https://dss.example.com</c>) the browser entry may redirect to besides this host; DSS' homepage
    /// redirect normally points back to this host.
    /// </summary>
    public List<string> AllowedRedirectOrigins { get; set; } = [];

    /// <summary>The Linkis token user the scheduled project sync calls DSS as (a DSS admin sees every project).</summary>
    public string? TokenUser { get; set; }

    /// <summary>Its token code; never logged.</summary>
    public string? TokenCode { get; set; }

    public ProjectSyncOptions ProjectSync { get; set; } = new();

    /// <summary>Where node refs are kept; by default <c>dss/node-refs</c> in the host's data folder.</summary>
    public string? NodeRefDirectory { get; set; }

    public bool SignsInUsers => GatewayUrl is not null;

    public bool SyncsProjects => ProjectSync.Interval > TimeSpan.Zero;

    /// <summary>Binds and checks the section; throws naming every bad key.</summary>
    public static DssOptions FromConfiguration(IConfiguration section, string hostData)
    {
        DssOptions options;
        try
        {
            options = section.Get<DssOptions>() ?? new DssOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{Section}: {e.Message}", e);
        }
        options.NodeRefDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(options.NodeRefDirectory)
            ? Path.Combine(hostData, "dss", "node-refs")
            : Path.Combine(hostData, options.NodeRefDirectory));
        if (options.UserRoles.Count == 0) options.UserRoles.Add("viewer");
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? options : throw new InvalidOperationException(string.Join("; ", problems));
    }

    private IEnumerable<string> Problems()
    {
        if (GatewayUrl is { } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                yield return $"{Section}:GatewayUrl must be an http(s) URL, not '{url}'";
            else GatewayUrl = uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
        }
        if (string.IsNullOrWhiteSpace(TicketCookie)) yield return $"{Section}:TicketCookie cannot be empty";
        if (UserCacheDuration <= TimeSpan.Zero) yield return $"{Section}:UserCacheDuration must be positive";
        if (GatewayTimeout <= TimeSpan.Zero) yield return $"{Section}:GatewayTimeout must be positive";
        foreach (var role in UserRoles.Where(r => r is not ("viewer" or "operator" or "admin")))
            yield return $"{Section}:UserRoles: '{role}' is not a host role (viewer, operator, admin)";
        foreach (var origin in AllowedRedirectOrigins.Where(o => !Uri.TryCreate(o, UriKind.Absolute, out _)))
            yield return $"{Section}:AllowedRedirectOrigins: '{origin}' is not an absolute URL";
        if (ProjectSync.Interval < TimeSpan.Zero) yield return $"{Section}:ProjectSync:Interval cannot be negative";
        if (SyncsProjects)
        {
            if (GatewayUrl is null) yield return $"{Section}:ProjectSync needs {Section}:GatewayUrl";
            if (string.IsNullOrWhiteSpace(TokenUser) || string.IsNullOrWhiteSpace(TokenCode))
                yield return $"{Section}:ProjectSync needs {Section}:TokenUser and {Section}:TokenCode";
            if (ProjectSync.WorkspaceIds.Count == 0) yield return $"{Section}:ProjectSync:WorkspaceIds must name at least one DSS workspace id";
        }
    }
}
