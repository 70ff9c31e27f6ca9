namespace Streamis.Workflows.StreamJobs.Services;

/// <summary>A file a version's jobContent names, with the field that names it (<c>jobContent.dependency.jars</c>).</summary>
public sealed record JobFileReference(string Field, string Name);
