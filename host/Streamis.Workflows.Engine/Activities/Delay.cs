using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Activities;

/// <summary>Waits for a duration or until a moment, as a timer bookmark: no thread waits meanwhile.</summary>
[Activity("Timers", "Delay", Description = "Waits for a duration (\"30s\", \"5m\") or until a moment.", Icon = "clock")]
public sealed class Delay : Activity
{
    public const string BookmarkName = "Delay";

    [Input(Description = "How long, e.g. 30s, 5m, 1h, 00:10:00")]
    public Input<TimeSpan> Duration { get; set; } = default!;

    [Input(Description = "Or: until this moment (ISO 8601); wins over Duration when set")]
    public Input<DateTimeOffset?> Until { get; set; } = default!;

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var resumeAt = context.Get(Until) ?? context.Clock.GetUtcNow() + context.Get(Duration);
        if (resumeAt <= context.Clock.GetUtcNow()) return new(Done());
        context.CreateBookmark(BookmarkName, null, resumeAt);
        return new(Wait());
    }
}
