namespace Streamis.Workflows.Engine.Running;

/// <summary>A resume or signal aimed at a bookmark the instance does not have (already resumed, or never made).</summary>
public sealed class BookmarkNotFoundException(string message) : Exception(message);
