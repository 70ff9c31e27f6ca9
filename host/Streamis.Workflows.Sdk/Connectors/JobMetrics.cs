namespace Streamis.Workflows.Sdk.Connectors;

/// <summary>
/// A job's figures as its engine measured them, in the three lists of Streamis' job details: counts of records
/// (<c>dataNumber</c>), record rates from source to sink (<c>realTimeTraffic</c>) and process load (<c>loadCondition</c>).
/// </summary>
public sealed record JobMetrics(IReadOnlyList<JobRecordCount> Counts, IReadOnlyList<JobTraffic> Traffic, IReadOnlyList<JobProcessLoad> Load)
{
    public static JobMetrics None { get; } = new([], [], []);
}
