namespace Streamis.Workflows.StreamJobs.Models;

public sealed record JobListPage(IReadOnlyList<JobListItem> Items, int Total);
