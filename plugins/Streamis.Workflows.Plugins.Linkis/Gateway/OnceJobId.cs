using System.Globalization;
using System.Text.RegularExpressions;

namespace Streamis.Workflows.Plugins.Linkis.Gateway;

/// <summary>
/// The Linkis once-job id Streamis stores as <c>linkis_job_id</c>: <c>&lt;len(ticketId)&gt;_&lt;len(appName)&gt;_&lt;ticketId&gt;&lt;appName&gt;&lt;instance&gt;</c>,
/// from which the ticket and the EngineConn's service instance are read back when reconnecting.
/// </summary>
internal static partial class OnceJobId
{
    public static string Format(string ticketId, ServiceInstance engineConn) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{ticketId.Length}_{engineConn.ApplicationName.Length}_{ticketId}{engineConn.ApplicationName}{engineConn.Instance}");

    public static bool TryParse(string? id, out string ticketId, out ServiceInstance engineConn)
    {
        ticketId = "";
        engineConn = new ServiceInstance("", "");
        if (id is null || Prefix().Match(id) is not { Success: true } match) return false;
        if (!int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var ticketLength)
            || !int.TryParse(match.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var applicationLength))
            return false;
        var rest = id[match.Length..];
        if (ticketLength + applicationLength >= rest.Length) return false;
        ticketId = rest[..ticketLength];
        engineConn = new ServiceInstance(rest.Substring(ticketLength, applicationLength), rest[(ticketLength + applicationLength)..]);
        return true;
    }

    [GeneratedRegex(@"^(\d{1,4})_(\d{1,4})_", RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();
}
