namespace Streamis.Workflows.Sdk.HostServices;

/// <summary>
/// Who started an instance and from where: the user, the DSS workspace and labels (such as DSS' environment route)
/// of the request. An instance sees it as <c>{{ input.startedBy.user }}</c>, <c>{{ input.startedBy.workspace }}</c>.
/// </summary>
public sealed record WorkflowCaller(string User, string? Workspace = null, IReadOnlyDictionary<string, string>? Labels = null)
{
    public const string InputName = "startedBy";

    /// <summary>The input value: plain data, as instance state holds it.</summary>
    public Dictionary<string, object?> ToInput() => new()
    {
        ["user"] = User,
        ["workspace"] = Workspace,
        ["labels"] = Labels?.ToDictionary(l => l.Key, l => (object?)l.Value) ?? new Dictionary<string, object?>(),
    };
}
