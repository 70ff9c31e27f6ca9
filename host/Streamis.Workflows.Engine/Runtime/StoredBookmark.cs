namespace Streamis.Workflows.Engine.Runtime;

/// <summary>A bookmark as indexed for lookup: by <see cref="Hash"/> of name and key, or by due time for timers.</summary>
public sealed record StoredBookmark(string Id, string Name, string? Key, string Hash, string ActivityId, DateTimeOffset? ResumeAt, DateTimeOffset CreatedAt);
