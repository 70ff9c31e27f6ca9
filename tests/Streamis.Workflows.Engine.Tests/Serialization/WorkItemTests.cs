using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Tests.Serialization;

/// <summary>
/// A queued work item keeps every field it was given through copies and through the saved state, although the
/// rarely set ones share one object behind the struct.
/// </summary>
public class WorkItemTests
{
    private static readonly WorkItem Resume = new(WorkKind.Resume, 7)
    {
        BookmarkId = "b1",
        BookmarkName = "signal",
        BookmarkKey = "go",
        Payload = new Dictionary<string, object?> { ["n"] = 1L },
    };

    [Fact]
    public void A_copy_made_with_with_leaves_the_original_as_it_was()
    {
        var changed = Resume with { BookmarkKey = "stop", Payload = null };

        Assert.Equal("go", Resume.BookmarkKey);
        Assert.NotNull(Resume.Payload);
        Assert.Equal("stop", changed.BookmarkKey);
        Assert.Null(changed.Payload);
        Assert.Equal("b1", changed.BookmarkId);
    }

    [Fact]
    public void Items_with_the_same_fields_are_equal_and_differing_ones_are_not()
    {
        var fault = new ActivityError("boom", "Boom");
        var a = new WorkItem(WorkKind.ChildFaulted, 3) { ChildFrameId = 4, ChildActivityId = "x", Error = fault };
        var b = new WorkItem(WorkKind.ChildFaulted, 3) { ChildFrameId = 4, ChildActivityId = "x", Error = fault };

        Assert.Equal(a, b);
        Assert.NotEqual(a, b with { Tag = "other" });
        Assert.Equal(new WorkItem(WorkKind.Execute, 1), new WorkItem(WorkKind.Execute, 1) { Tag = null });
    }

    [Fact]
    public void Every_field_survives_the_saved_state()
    {
        var completed = new WorkItem(WorkKind.ChildCompleted, 2)
        {
            ChildFrameId = 5,
            ChildActivityId = "step",
            Outcome = "Done",
            Tag = 3L,
            Locals = new() { ["item"] = "a" },
            WorkflowOutputs = new() { ["total"] = 9L },
        };
        var state = new InstanceState { InstanceId = "i", Queue = [Resume, completed, new WorkItem(WorkKind.Execute, 1)] };
        state.Scopes[0] = new ScopeState();

        var back = InstanceStateSerializer.Deserialize(InstanceStateSerializer.Serialize(state)).Queue;

        Assert.Equal(3, back.Count);
        Assert.Equal(("b1", "signal", "go"), (back[0].BookmarkId, back[0].BookmarkName, back[0].BookmarkKey));
        Assert.Equal(1L, ((Dictionary<string, object?>)back[0].Payload!)["n"]);
        Assert.Equal((5, "step", "Done", (object?)3L), (back[1].ChildFrameId, back[1].ChildActivityId, back[1].Outcome, back[1].Tag));
        Assert.Equal("a", back[1].Locals!["item"]);
        Assert.Equal(9L, back[1].WorkflowOutputs!["total"]);
        Assert.Equal(new WorkItem(WorkKind.Execute, 1), back[2]);
    }
}
