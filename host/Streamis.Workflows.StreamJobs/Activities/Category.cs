namespace Streamis.Workflows.StreamJobs.Activities;

/// <summary>The designer's palette group of the stream-job activities.</summary>
internal static class Category
{
    public const string StreamJobs = "Stream jobs";
}
