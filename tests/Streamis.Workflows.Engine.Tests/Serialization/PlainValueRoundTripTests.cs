using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Values;
using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Tests.Serialization;

/// <summary>Workflow data reads back from JSON as the very same plain values: a double stays a double, a long a long.</summary>
public class PlainValueRoundTripTests
{
    private static readonly Dictionary<string, object?> Samples = new()
    {
        ["double one"] = 1.0,
        ["double zero"] = 0.0,
        ["double fraction"] = 0.1,
        ["negative double"] = -2.5,
        ["huge double"] = 1e300,
        ["tiny double"] = double.Epsilon,
        ["integral double beyond long precision"] = 1e17,
        ["long"] = 42L,
        ["long max"] = long.MaxValue,
        ["long min"] = long.MinValue,
        ["zero"] = 0L,
        ["string"] = "héllo \"quoted\"\n\tline ✓",
        ["empty string"] = "",
        ["numeric string"] = "1.0",
        ["true"] = true,
        ["false"] = false,
        ["null"] = null,
        ["empty list"] = new List<object?>(),
        ["empty object"] = new Dictionary<string, object?>(),
        ["nested"] = new Dictionary<string, object?>
        {
            ["list"] = new List<object?> { 1L, 1.0, "1", null, true, new List<object?> { new Dictionary<string, object?> { ["deep"] = 2.0 } } },
            ["object"] = new Dictionary<string, object?> { ["max"] = long.MaxValue, ["half"] = 0.5, ["none"] = null, ["empty"] = new List<object?>() },
        },
    };

    public static TheoryData<string> SampleNames => [.. Samples.Keys];

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Value_survives_state_serialisation_with_its_type(string sample)
    {
        var value = Samples[sample];
        var state = StateHolding(value);

        var restored = InstanceStateSerializer.Deserialize(InstanceStateSerializer.Serialize(state));

        AssertSameValue(value, restored.Input["value"]);
        AssertSameValue(value, restored.Output["value"]);
        AssertSameValue(value, restored.Scopes[0].Variables["value"]);
        AssertSameValue(value, restored.Scopes[0].Activities["value"]);
        AssertSameValue(value, restored.Frames[1].Properties!["value"]);
        AssertSameValue(value, restored.Frames[1].Locals!["value"]);
        AssertSameValue(value, restored.Frames[1].Tag);
        AssertSameValue(value, restored.Queue[0].Payload);
        AssertSameValue(value, restored.Queue[0].Tag);
        AssertSameValue(value, restored.Queue[0].Locals!["value"]);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Value_survives_to_json_and_back_with_its_type(string sample)
    {
        var value = Samples[sample];

        AssertSameValue(value, PlainValue.FromJson(PlainValue.ToJson(value)));
        AssertSameValue(value, JsonSerializer.Deserialize<object?>(JsonSerializer.Serialize(value, PlainValueJsonConverter.Options), PlainValueJsonConverter.Options));
    }

    [Fact]
    public void Integral_double_is_written_with_a_fraction_and_long_without()
    {
        var json = InstanceStateSerializer.Serialize(new InstanceState { Input = { ["d"] = 1.0, ["l"] = 1L, ["big"] = 1e21 } });

        var input = JsonNode.Parse(json)!["input"]!;
        Assert.Equal("1.0", input["d"]!.ToJsonString());
        Assert.Equal("1", input["l"]!.ToJsonString());
        Assert.Equal("1E+21", input["big"]!.ToJsonString());
    }

    [Fact]
    public void Numbers_written_by_others_keep_their_written_form()
    {
        var state = InstanceStateSerializer.Deserialize("""{"input": {"a": 2, "b": 2.0, "c": 2e0, "d": 9223372036854775807, "e": 9223372036854775808}}""");

        Assert.IsType<long>(state.Input["a"]);
        Assert.IsType<double>(state.Input["b"]);
        Assert.IsType<double>(state.Input["c"]);
        Assert.Equal(long.MaxValue, state.Input["d"]);
        Assert.Equal(9223372036854775808.0, state.Input["e"]);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Non_finite_double_is_kept_as_text_rather_than_failing(double value, string text)
    {
        var restored = InstanceStateSerializer.Deserialize(InstanceStateSerializer.Serialize(new InstanceState { Input = { ["x"] = value } }));

        Assert.Equal(text, restored.Input["x"]);
    }

    [Fact]
    public void Clr_values_become_plain_values()
    {
        var moment = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(8));
        var id = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff");

        AssertSameValue(7L, PlainValue.From(7));
        AssertSameValue(7L, PlainValue.From((short)7));
        AssertSameValue(7L, PlainValue.From((byte)7));
        AssertSameValue(7L, PlainValue.From(7u));
        AssertSameValue(7L, PlainValue.From(7ul));
        AssertSameValue(1.5, PlainValue.From(1.5f));
        AssertSameValue(1.25, PlainValue.From(1.25m));
        AssertSameValue("x", PlainValue.From('x'));
        AssertSameValue("00:05:00", PlainValue.From(TimeSpan.FromMinutes(5)));
        AssertSameValue(moment.ToString("O", CultureInfo.InvariantCulture), PlainValue.From(moment));
        AssertSameValue(id.ToString(), PlainValue.From(id));
        AssertSameValue("Warning", PlainValue.From(LogSeverity.Warning));
        AssertSameValue(new List<object?> { 1L, 2L }, PlainValue.From(new[] { 1, 2 }));
        AssertSameValue(new Dictionary<string, object?> { ["a"] = 1L }, PlainValue.From(new Dictionary<string, int> { ["a"] = 1 }));
        AssertSameValue(new Dictionary<string, object?> { ["1"] = "one" }, PlainValue.From(new Hashtable { [1] = "one" }));
        AssertSameValue(new Dictionary<string, object?> { ["a"] = 1.0, ["b"] = new List<object?> { 2L } },
            PlainValue.From(JsonNode.Parse("""{"a": 1.0, "b": [2]}""")));
        AssertSameValue(new Dictionary<string, object?> { ["jobId"] = 3L, ["name"] = "etl" }, PlainValue.From(new { JobId = 3, Name = "etl" }));
    }

    [Fact]
    public void Deep_equality_compares_numbers_by_value_and_collections_by_content()
    {
        Assert.True(PlainValue.DeepEquals(1L, 1.0));
        Assert.True(PlainValue.DeepEquals(1, 1L));
        Assert.False(PlainValue.DeepEquals(1L, "1"));
        Assert.False(PlainValue.DeepEquals(null, 0L));
        Assert.True(PlainValue.DeepEquals(new List<object?> { 1L, new Dictionary<string, object?> { ["a"] = 2.0 } }, new object[] { 1, new Dictionary<string, object?> { ["a"] = 2L } }));
        Assert.False(PlainValue.DeepEquals(new List<object?> { 1L, 2L }, new List<object?> { 2L, 1L }));
        Assert.True(PlainValue.DeepEquals(new Dictionary<string, object?> { ["a"] = 1L, ["b"] = 2L }, new Dictionary<string, object?> { ["b"] = 2L, ["a"] = 1L }));
        Assert.False(PlainValue.DeepEquals(new Dictionary<string, object?> { ["a"] = 1L }, new Dictionary<string, object?> { ["a"] = 1L, ["b"] = null }));
    }

    private static InstanceState StateHolding(object? value)
    {
        var state = new InstanceState
        {
            InstanceId = "values",
            DefinitionId = "values",
            DefinitionVersion = 1,
            Status = WorkflowStatus.Suspended,
            Input = { ["value"] = value },
            Output = { ["value"] = value },
            Scopes = { [0] = new ScopeState { Id = 0, DefinitionId = "values", DefinitionVersion = 1, RootFrameId = 1 } },
            Frames = { [1] = new FrameState { Id = 1, ActivityId = "root", Tag = value, Properties = new() { ["value"] = value }, Locals = new() { ["value"] = value } } },
            Queue = { new WorkItem(WorkKind.Resume, 1) { Payload = value, Tag = value, Locals = new() { ["value"] = value } } },
        };
        state.Scopes[0].Variables["value"] = value;
        state.Scopes[0].Activities["value"] = value;
        return state;
    }

    /// <summary>Equal and of the same plain type all the way down (1L and 1.0 differ here).</summary>
    private static void AssertSameValue(object? expected, object? actual, string path = "$")
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: expected null, got {actual}");
                break;
            case List<object?> list:
                var actualList = Assert.IsType<List<object?>>(actual);
                Assert.True(list.Count == actualList.Count, $"{path}: expected {list.Count} items, got {actualList.Count}");
                for (var i = 0; i < list.Count; i++) AssertSameValue(list[i], actualList[i], $"{path}[{i}]");
                break;
            case Dictionary<string, object?> dict:
                var actualDict = Assert.IsType<Dictionary<string, object?>>(actual);
                Assert.Equal(dict.Keys.Order(), actualDict.Keys.Order());
                foreach (var (key, item) in dict) AssertSameValue(item, actualDict[key], $"{path}.{key}");
                break;
            default:
                Assert.True(expected.GetType() == actual?.GetType(), $"{path}: expected {expected.GetType().Name} {expected}, got {actual?.GetType().Name} {actual}");
                Assert.Equal(expected, actual);
                break;
        }
    }
}
