using Streamis.Workflows.Engine.Values;

namespace Streamis.Workflows.Engine.Execution;

/// <summary>What callers do to an instance from outside: resume a bookmark, retry, cancel.</summary>
internal sealed partial class WorkflowExecution
{
    public void Resume(BookmarkState bookmark, object? payload)
    {
        // A faulted instance keeps its bookmarks for after a retry; the commit re-arms its timers then.
        if (State.Status == WorkflowStatus.Faulted) return;
        if (!State.Bookmarks.Remove(bookmark) || !State.Frames.ContainsKey(bookmark.FrameId)) return;
        queue.AddLast(bookmark.Name == BookmarkState.RetryName
            ? new WorkItem(WorkKind.Execute, bookmark.FrameId)
            : new WorkItem(WorkKind.Resume, bookmark.FrameId)
            {
                BookmarkId = bookmark.Id,
                BookmarkName = bookmark.Name,
                BookmarkKey = bookmark.Key,
                Payload = PlainValue.From(payload),
            });
    }

    /// <summary>Re-runs the activity that failed; the composites above it wait for it again as they did before.</summary>
    public void RetryFaulted()
    {
        var faultedFrames = State.Frames.Values.Where(f => f.Status == FrameStatus.Faulted).ToList();
        foreach (var frame in faultedFrames)
        {
            frame.Error = null;
            if (frame.ParentId is { } parentId && State.Frames.TryGetValue(parentId, out var parent)) parent.ActiveChildren++;
            if (faultedFrames.Any(f => f.ParentId == frame.Id))
            {
                frame.Status = FrameStatus.Waiting;
                continue;
            }
            if (frame.ActiveChildren > 0) CancelDescendants(frame);
            frame.Status = FrameStatus.Pending;
            frame.Attempt = 1;
            frame.Properties = null;
            queue.AddFirst(new WorkItem(WorkKind.Execute, frame.Id));
        }
        State.Incidents.Clear();
        State.Status = WorkflowStatus.Running;
    }

    public void CancelAll()
    {
        foreach (var root in State.Frames.Values.Where(f => f.ParentId is null).ToList())
            RemoveSubtree(root.Id, journal: true);
        queue.Clear();
        State.Bookmarks.Clear();
        State.Frames.Clear();
        State.Incidents.Clear();
        cancelledByUser = true;
    }
}
