namespace Streamis.Workflows.Sdk.Connectors;

/// <summary>Records per second read from a source and written to a sink, through a transform.</summary>
public sealed record JobTraffic(string Source, double SourceRecordsPerSecond, string Transform, string Sink, double SinkRecordsPerSecond);
