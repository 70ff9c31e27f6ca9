namespace Streamis.Workflows.Engine.Runtime;

public sealed record InstancePage(IReadOnlyList<InstanceSummary> Items, int Page, int PageSize, long Total);
