namespace Streamis.Workflows.Engine.Execution;

/// <summary>
/// The interpreter's work queue: a growable ring buffer taking items at either end. Every step of every run
/// goes through it twice, so it allocates nothing per item (a linked list costs a node each), and its length is a
/// power of two, so that wrapping around is a mask rather than a division.
/// </summary>
internal sealed class WorkQueue
{
    private WorkItem[] items;
    private int head;

    public WorkQueue(List<WorkItem> initial)
    {
        items = new WorkItem[Math.Max(4, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)initial.Count * 2))];
        foreach (var item in initial) AddLast(item);
    }

    private int Mask => items.Length - 1;

    public int Count { get; private set; }

    public void AddLast(WorkItem item)
    {
        if (Count == items.Length) Grow();
        items[(head + Count) & Mask] = item;
        Count++;
    }

    public void AddFirst(WorkItem item)
    {
        if (Count == items.Length) Grow();
        head = (head - 1) & Mask;
        items[head] = item;
        Count++;
    }

    public WorkItem RemoveFirst()
    {
        if (Count == 0) throw new InvalidOperationException("the work queue is empty");
        var item = items[head];
        items[head] = default;
        head = (head + 1) & Mask;
        Count--;
        return item;
    }

    public WorkItem this[int index] => items[(head + index) & Mask];

    /// <summary>Drops every item of a frame, keeping the others in order.</summary>
    public void RemoveFrame(int frameId)
    {
        var kept = 0;
        for (var i = 0; i < Count; i++)
        {
            var item = this[i];
            if (item.FrameId != frameId) items[(head + kept++) & Mask] = item;
        }
        for (var i = kept; i < Count; i++) items[(head + i) & Mask] = default;
        Count = kept;
    }

    public void Clear()
    {
        Array.Clear(items);
        head = 0;
        Count = 0;
    }

    public void CopyTo(List<WorkItem> target)
    {
        for (var i = 0; i < Count; i++) target.Add(this[i]);
    }

    private void Grow()
    {
        var grown = new WorkItem[items.Length * 2];
        for (var i = 0; i < Count; i++) grown[i] = this[i];
        items = grown;
        head = 0;
    }
}
