namespace Streamis.Workflows.Sdk.Connectors;

/// <summary>How many records went through <see cref="Name"/> (a topic, a table, an output file).</summary>
public sealed record JobRecordCount(string Name, long Count);
