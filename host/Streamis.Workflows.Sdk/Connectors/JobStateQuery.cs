namespace Streamis.Workflows.Sdk.Connectors;

/// <summary>Which job's states to look for, with its configuration (state directories) and latest handle.</summary>
public sealed record JobStateQuery(
    long JobId,
    string ProjectName,
    string JobName,
    string SubmitUser,
    IReadOnlyDictionary<string, string> Configuration,
    JobHandle? Handle);
