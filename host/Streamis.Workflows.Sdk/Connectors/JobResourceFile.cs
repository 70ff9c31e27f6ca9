namespace Streamis.Workflows.Sdk.Connectors;

/// <summary>A file a job version carries (a jar, a SQL file), as kept by the host's file store.</summary>
public sealed record JobResourceFile(string FileName, string Version, string LocalPath);
