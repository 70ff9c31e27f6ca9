using System.Text.Json.Nodes;
using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Running;
using Streamis.Workflows.Engine.Tests.Support;

namespace Streamis.Workflows.Engine.Tests.Serialization;

public class InstanceStateSerializerTests
{
    private const string Waiting = """
    {
      "id": "waiting", "version": 1,
      "inputs": [{"name": "jobId", "type": "integer"}],
      "variables": [{"name": "note", "type": "string", "default": "none"}],
      "outputs": [{"name": "note", "type": "string"}, {"name": "jobId", "type": "integer", "value": "{{ input.jobId }}"}],
      "root": {"id": "seq", "type": "Sequence", "activities": [
        {"id": "pause", "type": "Delay", "inputs": {"duration": "10m"}},
        {"id": "ask", "type": "WaitForSignal", "inputs": {"signal": "go"}},
        {"id": "write", "type": "SetVariable", "inputs": {"name": "note", "value": {"expression": "{{ activities.ask.payload }}"}}}
      ]}
    }
    """;

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("""{"status": "Dancing"}""")]
    [InlineData("""{"frames": {"one": {"activityId": "a"}}}""")]
    [InlineData("""{"nextFrameId": "seven"}""")]
    [InlineData("""{"queue": [{"kind": "Teleport", "frameId": 1}]}""")]
    [InlineData("""{"queue": [null]}""")]
    [InlineData("""{"instanceId": "x", "createdAt": "yesterday"}""")]
    public void Corrupt_state_json_is_refused_as_an_invalid_state(string json)
    {
        var e = Assert.Throws<InvalidStateException>(() => InstanceStateSerializer.Deserialize(json));

        Assert.StartsWith("the state is not valid JSON for an instance: ", e.Message);
    }

    private static readonly Dictionary<string, (Action<JsonNode> Edit, string Message)> NullParts = new()
    {
        ["scopes"] = (n => n["scopes"] = null, "the state has no \"scopes\""),
        ["frames"] = (n => n["frames"] = null, "the state has no \"frames\""),
        ["queue"] = (n => n["queue"] = null, "the state has no \"queue\""),
        ["bookmarks"] = (n => n["bookmarks"] = null, "the state has no \"bookmarks\""),
        ["input"] = (n => n["input"] = null, "the state has no \"input\""),
        ["incidents"] = (n => n["incidents"] = null, "the state has no \"incidents\""),
        ["scope"] = (n => n["scopes"]!["0"] = null, "scope 0 of the state is empty or lacks its input, variables or activities"),
        ["scope variables"] = (n => n["scopes"]!["0"]!["variables"] = null, "scope 0 of the state is empty or lacks its input, variables or activities"),
        ["frame"] = (n => n["frames"]!["1"] = null, "frame 1 of the state is empty"),
        ["bookmark"] = (n => n["bookmarks"]!.AsArray().Add(null), "the state's bookmarks have an empty item"),
    };

    public static TheoryData<string> NullPartNames => [.. NullParts.Keys];

    [Theory]
    [MemberData(nameof(NullPartNames))]
    public async Task State_with_a_null_part_is_refused_as_an_invalid_state(string part)
    {
        var node = JsonNode.Parse(InstanceStateSerializer.Serialize((await SuspendedAsync(new TestEngine())).State))!;
        NullParts[part].Edit(node);

        var e = Assert.Throws<InvalidStateException>(() => InstanceStateSerializer.Deserialize(node.ToJsonString()));

        Assert.Equal(NullParts[part].Message, e.Message);
    }

    [Fact]
    public void Null_state_is_refused_as_an_invalid_state()
    {
        var e = Assert.Throws<InvalidStateException>(() => InstanceStateSerializer.Deserialize("null"));

        Assert.Equal("the state is null", e.Message);
    }

    [Fact]
    public async Task Truncated_state_is_refused_as_an_invalid_state()
    {
        var json = InstanceStateSerializer.Serialize((await SuspendedAsync(new TestEngine())).State);

        Assert.Throws<InvalidStateException>(() => InstanceStateSerializer.Deserialize(json[..(json.Length / 2)]));
    }

    [Fact]
    public async Task State_of_an_unknown_definition_version_is_refused_with_a_clear_message()
    {
        var json = InstanceStateSerializer.Serialize((await SuspendedAsync(new TestEngine())).State);
        var node = JsonNode.Parse(json)!;
        node["definitionVersion"] = 7;
        node["scopes"]!["0"]!["definitionVersion"] = 7;
        var state = InstanceStateSerializer.Deserialize(node.ToJsonString());
        var fresh = new TestEngine();
        fresh.Definitions.Add(fresh.Parse(Waiting));

        var e = await Assert.ThrowsAsync<InvalidStateException>(() => fresh.Runner.ResumeAsync(state, state.Bookmarks[0].Id));

        Assert.Equal("workflow definition \"waiting\" version 7 is not available", e.Message);
    }

    [Fact]
    public async Task State_whose_definition_is_not_published_waits_for_it_unchanged()
    {
        var first = await SuspendedAsync(new TestEngine());
        var json = InstanceStateSerializer.Serialize(first.State);
        var state = InstanceStateSerializer.Deserialize(json);
        var fresh = new TestEngine();

        var e = await Assert.ThrowsAsync<InvalidStateException>(() => fresh.Runner.ResumeAsync(state, state.Bookmarks[0].Id));
        Assert.Equal("workflow definition \"waiting\" version 1 is not available", e.Message);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(InstanceStateSerializer.Serialize(state))));

        fresh.Definitions.Add(fresh.Parse(Waiting));
        var resumed = await fresh.Runner.ResumeAsync(state, state.Bookmarks[0].Id);
        Assert.Equal(WorkflowStatus.Suspended, resumed.Status);
        Assert.Equal("go", Assert.Single(resumed.Bookmarks).Key);
    }

    [Fact]
    public async Task State_naming_an_activity_its_definition_lacks_is_refused()
    {
        var json = InstanceStateSerializer.Serialize((await SuspendedAsync(new TestEngine())).State);
        var node = JsonNode.Parse(json)!;
        foreach (var (_, frame) in node["frames"]!.AsObject())
            if (frame!["activityId"]!.GetValue<string>() == "pause") frame["activityId"] = "renamed";
        var state = InstanceStateSerializer.Deserialize(node.ToJsonString());
        var fresh = new TestEngine();
        fresh.Definitions.Add(fresh.Parse(Waiting));

        var e = await Assert.ThrowsAsync<InvalidStateException>(() => fresh.Runner.ResumeAsync(state, state.Bookmarks[0].Id));

        Assert.Equal($"instance {state.InstanceId}: activity \"renamed\" is not in its definition", e.Message);
    }

    [Fact]
    public async Task State_without_a_workflow_scope_is_refused()
    {
        var state = InstanceStateSerializer.Deserialize("""{"instanceId": "empty", "status": "Running"}""");

        var e = await Assert.ThrowsAsync<InvalidStateException>(() => new TestEngine().Runner.ContinueAsync(state));

        Assert.Equal("instance empty has no workflow scope", e.Message);
    }

    [Fact]
    public async Task Suspended_state_reads_back_field_for_field()
    {
        var state = (await SuspendedAsync(new TestEngine())).State;
        // What a composite keeps between its callbacks (a loop's position) is part of the state too.
        state.Frames.Values.Single(f => f.ActivityId == "seq").Properties = new Dictionary<string, object?> { ["position"] = 0L };

        var json = InstanceStateSerializer.Serialize(state);
        var restored = InstanceStateSerializer.Deserialize(json);

        Assert.Equal(state.InstanceId, restored.InstanceId);
        Assert.Equal(state.DefinitionId, restored.DefinitionId);
        Assert.Equal(state.DefinitionVersion, restored.DefinitionVersion);
        Assert.Equal(WorkflowStatus.Suspended, restored.Status);
        Assert.Equal(state.CreatedAt, restored.CreatedAt);
        Assert.Equal(state.NextFrameId, restored.NextFrameId);
        Assert.Equal(state.JournalSequence, restored.JournalSequence);
        Assert.Equal(42L, restored.Input["jobId"]);
        Assert.Equal("none", restored.Scopes[0].Variables["note"]);
        var bookmark = Assert.Single(restored.Bookmarks);
        Assert.Equal(state.Bookmarks[0].Id, bookmark.Id);
        Assert.Equal(state.Bookmarks[0].ResumeAt, bookmark.ResumeAt);
        Assert.Equal(state.Frames.Keys.Order(), restored.Frames.Keys.Order());
        Assert.Equal(state.Frames.Values.Select(f => (f.ActivityId, f.Status, f.ParentId)).Order(),
            restored.Frames.Values.Select(f => (f.ActivityId, f.Status, f.ParentId)).Order());
        Assert.Equal(0L, restored.Frames.Values.Single(f => f.ActivityId == "seq").Properties!["position"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(InstanceStateSerializer.Serialize(restored))));
    }

    [Fact]
    public async Task Restored_state_continues_with_timer_and_signal_on_a_fresh_engine()
    {
        var state = InstanceStateSerializer.Deserialize(InstanceStateSerializer.Serialize((await SuspendedAsync(new TestEngine())).State));
        var fresh = new TestEngine();
        fresh.Definitions.Add(fresh.Parse(Waiting));

        var afterTimer = await fresh.Runner.ResumeAsync(state, state.Bookmarks[0].Id);
        var restored = InstanceStateSerializer.Deserialize(InstanceStateSerializer.Serialize(afterTimer.State));
        var done = await new TestEngine(fresh.Definitions).Runner.SignalAsync(restored, "go", "approved");

        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Equal("approved", done.Outputs["note"]);
        Assert.Equal(42L, done.Outputs["jobId"]);
        Assert.NotNull(done.State.FinishedAt);
    }

    [Fact]
    public async Task Resuming_a_bookmark_the_state_no_longer_has_is_refused()
    {
        var state = (await SuspendedAsync(new TestEngine())).State;

        await Assert.ThrowsAsync<BookmarkNotFoundException>(() => new TestEngine().Runner.ResumeAsync(state, "no-such-bookmark"));
        await Assert.ThrowsAsync<BookmarkNotFoundException>(() => new TestEngine().Runner.SignalAsync(state, "go"));
    }

    private static async Task<RunResult> SuspendedAsync(TestEngine engine)
    {
        engine.Definitions.Add(engine.Parse(Waiting));
        var result = await engine.Runner.RunAsync(engine.Parse(Waiting), TestEngine.Input(new { jobId = 42 }));
        Assert.Equal(WorkflowStatus.Suspended, result.Status);
        Assert.True(Assert.Single(result.Bookmarks).IsTimer);
        return result;
    }
}
