using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Runtime;

namespace Streamis.Workflows.Host.Endpoints.Instances;

public sealed record StartResponse(string InstanceId, InstanceDetails? Instance);

/// <summary>An instance as the designer shows it: summary, outputs, what is live now, and its journal.</summary>
public sealed record InstanceDetails(
    InstanceSummary Summary,
    IReadOnlyDictionary<string, object?>? Input,
    IReadOnlyDictionary<string, object?>? Output,
    IReadOnlyList<Incident> Incidents,
    IReadOnlyList<BookmarkResponse> Bookmarks,
    IReadOnlyList<ActivityStateResponse> Activities,
    IReadOnlyList<JournalEntry>? Journal);

public sealed record BookmarkResponse(string Id, string Name, string? Key, string ActivityId, DateTimeOffset? ResumeAt);

public sealed record ActivityStateResponse(int FrameId, int? ParentFrameId, string ActivityId, string Status, int Attempt, DateTimeOffset StartedAt, string? Error);
