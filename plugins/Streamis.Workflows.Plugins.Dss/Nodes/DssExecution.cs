using System.Globalization;

namespace Streamis.Workflows.Plugins.Dss.Nodes;

/// <summary>
/// What marks an instance as a DSS node's run, kept in its correlation id (<c>dss:&lt;project&gt;:&lt;ref&gt;:&lt;user&gt;</c>) so
/// that a state poll needs the instance's summary row alone: the project to check privileges on, and the user who
/// submitted it (who may always follow and kill their own run).
/// </summary>
public sealed record DssExecution(long ProjectId, string RefId, string SubmittedBy)
{
    private const string Prefix = "dss:";

    public string CorrelationId => $"{Prefix}{ProjectId.ToString(CultureInfo.InvariantCulture)}:{RefId}:{SubmittedBy}";

    /// <summary>Null for an instance that was not started by a DSS node.</summary>
    public static DssExecution? Parse(string? correlationId)
    {
        if (correlationId is null || !correlationId.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        // The user comes last: a user name may itself hold ':'.
        var parts = correlationId[Prefix.Length..].Split(':', 3);
        return parts.Length == 3 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var projectId) && NodeRefStore.IsId(parts[1])
            ? new DssExecution(projectId, parts[1], parts[2])
            : null;
    }
}
