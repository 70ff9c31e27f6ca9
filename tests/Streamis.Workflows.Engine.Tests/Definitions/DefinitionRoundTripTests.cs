using System.Text.Json.Nodes;
using Streamis.Workflows.Engine.Definitions;
using Streamis.Workflows.Engine.Tests.Support;
using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Tests.Definitions;

public class DefinitionRoundTripTests
{
    /// <summary>
    /// Every shape the reader knows, in the form the writer produces (so the first write must equal the source):
    /// designer metadata, unknown properties, all input forms, retry, join, Flowchart > Sequence > If(then, else).
    /// </summary>
    private const string FullDefinition = """
    {
      "id": "round-trip.full",
      "version": 3,
      "name": "Round trip",
      "description": "Every shape a definition can take",
      "inputs": [
        {"name": "jobId", "type": "integer", "required": true, "description": "The job", "displayName": "Job id", "uiHint": "number"},
        {"name": "mode", "type": "string", "default": "fast", "options": ["fast", "safe"]}
      ],
      "variables": [
        {"name": "answer", "type": "any", "default": {"nested": [1, 2.5, "x", null, {"deep": true}]}},
        {"name": "count", "type": "integer", "default": 0, "description": "How many"}
      ],
      "outputs": [
        {"name": "answer", "type": "any", "value": "{{ vars.answer }}", "description": "What start echoed"}
      ],
      "options": {"commitEachActivity": true, "maxConcurrency": 4},
      "root": {
        "id": "chart",
        "type": "Flowchart",
        "displayName": "Main chart",
        "description": "The chart",
        "activities": [
          {
            "id": "start",
            "type": "Echo",
            "inputs": {"value": {"literal": {"expression": "{{ never evaluated }}"}}},
            "outputs": {"result": "answer"},
            "metadata": {"designer": {"position": {"x": 10, "y": 20}, "size": {"width": 180, "height": 60}}},
            "x-team": "ops",
            "futureFlag": {"list": [1, true, null, 1.0]}
          },
          {
            "id": "steps",
            "type": "Sequence",
            "metadata": {"designer": {"position": {"x": 240, "y": 20}, "collapsed": false}},
            "activities": [
              {
                "id": "decide",
                "type": "If",
                "inputs": {"condition": {"expression": "{{ input.jobId > 0 }}"}},
                "then": {
                  "id": "yes",
                  "type": "Add",
                  "inputs": {"a": {"variable": "count"}, "b": 2},
                  "retry": {"maxAttempts": 5, "initialDelay": "00:00:02", "backoffFactor": 3, "maxDelay": "00:10:00", "jitter": 0.5, "retryOn": "all"},
                  "x-note": "kept"
                },
                "else": {"id": "no", "type": "Echo", "inputs": {"value": [1, "two", {"three": 3.0}, {"variable": "x", "other": 1}]}}
              }
            ]
          },
          {"id": "merge", "type": "Echo", "join": "all", "inputs": {"value": null}},
          {"id": "tail", "type": "Log", "displayName": "Say it", "inputs": {"message": "Job {{ input.jobId }} done", "level": "Warning"}}
        ],
        "connections": [
          {"from": "start", "outcome": "Done", "to": "steps",
           "metadata": {"designer": {"bendPoints": [{"x": 120, "y": 40}, {"x": 200, "y": 40}]}}},
          {"from": "start", "outcome": "Done", "to": "merge"},
          {"from": "steps", "outcome": "Done", "to": "merge"},
          {"from": "merge", "outcome": "Done", "to": "tail"}
        ]
      },
      "metadata": {"designer": {"zoom": 1.25, "viewport": {"x": -40, "y": 12.5}}},
      "x-generator": {"name": "streamis-designer", "version": "0.3.1"},
      "tags": ["ops", "flink"]
    }
    """;

    [Fact]
    public void Read_write_read_keeps_every_shape_json_equal()
    {
        var engine = new TestEngine();

        var first = engine.Parse(FullDefinition);
        var written = DefinitionWriter.Write(first);
        var second = engine.Parse(written);
        var writtenAgain = DefinitionWriter.Write(second);

        AssertJsonEqual(FullDefinition, written);
        AssertJsonEqual(written, writtenAgain);
        Assert.Empty(engine.Runner.Validate(second));
    }

    [Fact]
    public void Round_trip_through_a_fresh_registry_keeps_unknown_properties_and_designer_metadata()
    {
        var definition = new TestEngine().Parse(FullDefinition);
        var reread = new TestEngine().Parse(DefinitionWriter.Write(definition, indented: false));

        Assert.Equal("0.3.1", reread.Extra["x-generator"]!["version"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""["ops", "flink"]"""), reread.Extra["tags"]));
        Assert.Equal(1.25, reread.Metadata!["designer"]!["zoom"]!.GetValue<double>());

        var start = Node(reread, "start");
        Assert.Equal("ops", start.Extra["x-team"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"list": [1, true, null, 1.0]}"""), start.Extra["futureFlag"]));
        Assert.Equal(10, start.Metadata!["designer"]!["position"]!["x"]!.GetValue<int>());
        Assert.Equal("kept", Node(reread, "yes").Extra["x-note"]!.GetValue<string>());

        var bent = reread.Root!.Connections!.Single(c => c.To == "steps");
        Assert.Equal(2, bent.Metadata!["designer"]!["bendPoints"]!.AsArray().Count);
        Assert.Null(reread.Root.Connections!.Single(c => c.To == "tail").Metadata);
    }

    [Fact]
    public void Nested_composites_read_into_their_slots_with_paths()
    {
        var definition = new TestEngine().Parse(FullDefinition);

        var steps = Node(definition, "steps");
        var decide = Assert.Single(steps.Slots["activities"].Nodes);
        Assert.Equal("If", decide.Type);
        Assert.Equal("$.root.activities[1].activities[0]", decide.Path);
        Assert.Equal("yes", Assert.Single(decide.Slots["then"].Nodes).Id);
        Assert.Equal("no", Assert.Single(decide.Slots["else"].Nodes).Id);
        Assert.Equal("$.root.activities[1].activities[0].then", Node(definition, "yes").Path);
        Assert.Equal("$.root.activities[1].activities[0].else", Node(definition, "no").Path);
    }

    [Fact]
    public void Retry_and_join_are_read_into_the_model()
    {
        var definition = new TestEngine().Parse(FullDefinition);

        var retry = Node(definition, "yes").Retry!;
        Assert.Equal(5, retry.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), retry.InitialDelay);
        Assert.Equal(3, retry.BackoffFactor);
        Assert.Equal(TimeSpan.FromMinutes(10), retry.MaxDelay);
        Assert.Equal(0.5, retry.Jitter);
        Assert.Equal(RetryOn.All, retry.RetryOn);
        Assert.Equal(JoinMode.All, Node(definition, "merge").Join);
        Assert.Null(Node(definition, "tail").Join);
    }

    [Fact]
    public void Each_input_form_is_read_as_its_kind()
    {
        var definition = new TestEngine().Parse(FullDefinition);

        var wrapped = Node(definition, "start").Inputs["value"];
        Assert.Equal(InputSourceKind.Literal, wrapped.Kind);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"expression": "{{ never evaluated }}"}"""), wrapped.Literal));

        var condition = Node(definition, "decide").Inputs["condition"];
        Assert.Equal(InputSourceKind.Expression, condition.Kind);
        Assert.Equal("{{ input.jobId > 0 }}", condition.Text);

        var variable = Node(definition, "yes").Inputs["a"];
        Assert.Equal(InputSourceKind.Variable, variable.Kind);
        Assert.Equal("count", variable.Text);

        var bare = Node(definition, "yes").Inputs["b"];
        Assert.Equal(InputSourceKind.Literal, bare.Kind);
        Assert.Equal(2, bare.Literal!.GetValue<int>());

        // A template in a literal string is text, not an expression.
        var message = Node(definition, "tail").Inputs["message"];
        Assert.Equal(InputSourceKind.Literal, message.Kind);
        Assert.Equal("Job {{ input.jobId }} done", message.Literal!.GetValue<string>());

        // An object with more keys than the wrapper is a plain literal, even with an "expression"/"variable" key.
        var list = Node(definition, "no").Inputs["value"];
        Assert.Equal(InputSourceKind.Literal, list.Kind);
        Assert.Equal(InputSourceKind.Literal, Node(definition, "merge").Inputs["value"].Kind);
        Assert.Null(Node(definition, "merge").Inputs["value"].Literal);
    }

    [Fact]
    public void Explicit_literal_wrapper_reads_as_the_value_inside()
    {
        var definition = new TestEngine().Parse("""
        {"id": "w", "root": {"id": "e", "type": "Echo", "inputs": {"value": {"literal": 5}}}}
        """);

        var value = definition.Root!.Inputs["value"];
        Assert.Equal(InputSourceKind.Literal, value.Kind);
        Assert.Equal(5, value.Literal!.GetValue<int>());
    }

    [Theory]
    [InlineData("expression", "{{ input.secret }}")]
    [InlineData("variable", "secret")]
    [InlineData("literal", "plain")]
    public void Literal_object_shaped_like_a_wrapper_is_written_wrapped_and_reads_back_a_literal(string key, string text)
    {
        var engine = new TestEngine();
        var definition = engine.Parse("""{"id": "w", "root": {"id": "e", "type": "Echo"}}""");
        definition.Root!.Inputs["value"] = InputValue.FromLiteral(new JsonObject { [key] = text });

        var written = JsonNode.Parse(DefinitionWriter.Write(definition))!;
        var reread = engine.Parse(written.ToJsonString());

        Assert.True(JsonNode.DeepEquals(new JsonObject { ["literal"] = new JsonObject { [key] = text } }, written["root"]!["inputs"]!["value"]));
        var value = reread.Root!.Inputs["value"];
        Assert.Equal(InputSourceKind.Literal, value.Kind);
        Assert.True(JsonNode.DeepEquals(new JsonObject { [key] = text }, value.Literal));
    }

    [Fact]
    public async Task Object_literal_that_looks_like_an_expression_reaches_the_activity_unevaluated()
    {
        var engine = new TestEngine();
        var definition = engine.Parse(DefinitionWriter.Write(engine.Parse("""
        {
          "id": "literal-object",
          "outputs": [{"name": "echoed", "type": "any", "value": "{{ activities.echo.result }}"}],
          "root": {"id": "echo", "type": "Echo", "inputs": {"value": {"literal": {"expression": "{{ 1 + 1 }}"}}}}
        }
        """)));

        var result = await engine.Runner.RunAsync(definition);

        Assert.Equal(Streamis.Workflows.Engine.Execution.WorkflowStatus.Completed, result.Status);
        var echoed = Assert.IsType<Dictionary<string, object?>>(result.Outputs["echoed"]);
        Assert.Equal("{{ 1 + 1 }}", echoed["expression"]);
    }

    [Fact]
    public void Legacy_definition_id_is_read_as_the_id_and_kept()
    {
        var definition = new TestEngine().Parse("""{"definitionId": "legacy", "root": {"id": "e", "type": "Echo"}}""");

        Assert.Equal("legacy", definition.Id);
        var written = JsonNode.Parse(DefinitionWriter.Write(definition))!;
        Assert.Equal("legacy", written["id"]!.GetValue<string>());
        Assert.Equal("legacy", written["definitionId"]!.GetValue<string>());
    }

    [Fact]
    public void Slots_of_an_unknown_activity_type_are_kept_verbatim()
    {
        const string json = """
        {
          "id": "future", "version": 1, "name": "",
          "root": {"id": "x", "type": "FutureComposite", "branches": [{"id": "a", "type": "Echo"}], "inputs": {"mode": "fast"}}
        }
        """;
        var engine = new TestEngine();
        var (definition, problems) = engine.Runner.Reader.Read(json);

        Assert.Empty(problems);
        AssertJsonEqual(json, DefinitionWriter.Write(definition!));
        Assert.Contains(engine.Runner.Validate(definition!), p => p.Path == "$.root.type");
    }

    private static ActivityNode Node(WorkflowDefinition definition, string id) =>
        All(definition.Root!).Single(n => n.Id == id);

    private static IEnumerable<ActivityNode> All(ActivityNode node) => node.Children.SelectMany(All).Prepend(node);

    private static void AssertJsonEqual(string expected, string actual)
    {
        var e = JsonNode.Parse(expected);
        var a = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(e, a), $"JSON differs.\nExpected:\n{e}\nActual:\n{a}");
    }
}
