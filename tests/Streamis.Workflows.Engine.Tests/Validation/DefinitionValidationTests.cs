using Streamis.Workflows.Engine.Tests.Support;
using Streamis.Workflows.Engine.Validation;

namespace Streamis.Workflows.Engine.Tests.Validation;

/// <summary>
/// Each validation rule reports its problem at the exact JSON path with a message a person understands.
/// Shape problems come from <c>Parse</c>; graph problems from <c>Validate</c>, and <c>RunAsync</c> refuses the same
/// definition with the same <see cref="InvalidDefinitionException"/>.
/// </summary>
public class DefinitionValidationTests
{
    // ---- shape (reader) problems ----

    [Fact]
    public void Malformed_json_is_reported_at_the_root_with_line_and_position()
    {
        var problem = Assert.Single(ShapeProblems("""
        {
          "id": "broken",
          "root": {"id": "a", "type": "Echo",}
          "name": "missing comma above"
        }
        """));

        Assert.Equal("$", problem.Path);
        Assert.StartsWith("not valid JSON at line 4, position ", problem.Message);
    }

    [Fact]
    public void A_property_given_twice_is_reported_by_name()
    {
        var problem = Assert.Single(ShapeProblems("""
        {
          "id": "twice",
          "root": {"id": "a", "type": "Echo", "type": "Fail"}
        }
        """));

        Assert.Equal("$", problem.Path);
        Assert.StartsWith("not valid JSON: Duplicate property 'type'", problem.Message);
    }

    [Fact]
    public void Json_that_is_not_an_object_is_refused()
    {
        var problem = Assert.Single(ShapeProblems("""["not", "a", "definition"]"""));

        Assert.Equal(new ValidationProblem("$", "a workflow definition must be a JSON object"), problem);
    }

    [Fact]
    public void Missing_root_is_reported()
    {
        var problem = Assert.Single(ShapeProblems("""{"id": "no-root", "name": "No root"}"""));

        Assert.Equal(new ValidationProblem("$.root", "is required: the activity the workflow runs (usually a Flowchart)"), problem);
    }

    [Fact]
    public void Missing_id_and_type_of_an_activity_are_reported_at_the_activity()
    {
        var problems = ShapeProblems("""
        {"id": "w", "root": {"id": "seq", "type": "Sequence", "activities": [{"inputs": {}}, 5]}}
        """);

        Assert.Equal(
        [
            new("$.root.activities[0].id", "is required"),
            new("$.root.activities[0].type", "is required"),
            new("$.root.activities[1]", "an activity must be a JSON object with at least \"id\" and \"type\""),
        ], problems);
    }

    [Fact]
    public void Bad_retry_values_are_all_reported_with_their_paths()
    {
        var problems = ShapeProblems("""
        {
          "id": "w",
          "root": {"id": "a", "type": "Add", "inputs": {"a": 1}, "retry": {
            "maxAttempts": 0, "initialDelay": "soon", "maxDelay": -5, "backoffFactor": 0.5, "jitter": 2, "retryOn": "sometimes"}}
        }
        """);

        Assert.Equal(
        [
            new("$.root.retry.maxAttempts", "must be between 1 and 100"),
            new("$.root.retry.initialDelay", "must be a duration such as \"30s\", \"5m\" or \"00:01:00\""),
            new("$.root.retry.maxDelay", "must be a duration such as \"30s\", \"5m\" or \"00:01:00\""),
            new("$.root.retry.backoffFactor", "must be between 1 and 10"),
            new("$.root.retry.jitter", "must be between 0 and 1"),
            new("$.root.retry.retryOn", "must be \"transient\" or \"all\", not \"sometimes\""),
        ], problems);
    }

    [Fact]
    public void Retry_values_of_the_wrong_json_type_are_reported()
    {
        var problems = ShapeProblems("""
        {"id": "w", "root": {"id": "a", "type": "Add", "inputs": {"a": 1}, "retry": {"maxAttempts": "three", "jitter": "lots"}}}
        """);

        Assert.Equal(
        [
            new("$.root.retry.maxAttempts", "must be a whole number"),
            new("$.root.retry.jitter", "must be a number"),
        ], problems);
    }

    [Theory]
    [InlineData("\"some\"", "must be \"any\" or \"all\", not \"some\"")]
    [InlineData("\"2\"", "must be \"any\" or \"all\", not \"2\"")]
    [InlineData("true", "must be a string")]
    public void Bad_join_value_is_reported(string join, string message)
    {
        var problem = Assert.Single(ShapeProblems($$"""
        {"id": "w", "root": {"id": "chart", "type": "Flowchart", "activities": [{"id": "a", "type": "Echo", "join": {{join}} } ] } }
        """));

        Assert.Equal(new ValidationProblem("$.root.activities[0].join", message), problem);
    }

    [Fact]
    public void Bad_retry_on_number_is_reported()
    {
        var problem = Assert.Single(ShapeProblems("""
        {"id": "w", "root": {"id": "a", "type": "Add", "inputs": {"a": 1}, "retry": {"retryOn": "7"}}}
        """));

        Assert.Equal(new ValidationProblem("$.root.retry.retryOn", "must be \"transient\" or \"all\", not \"7\""), problem);
    }

    [Fact]
    public void Wrapped_expression_or_variable_that_is_not_a_string_is_reported()
    {
        var problems = ShapeProblems("""
        {"id": "w", "root": {"id": "a", "type": "Add", "inputs": {"a": {"expression": 5}, "b": {"variable": ["x"]}}}}
        """);

        Assert.Equal(
        [
            new("$.root.inputs.a.expression", "the expression must be a string"),
            new("$.root.inputs.b.variable", "the variable must be a string"),
        ], problems);
    }

    [Fact]
    public void Header_fields_of_the_wrong_json_type_are_reported()
    {
        var problems = ShapeProblems("""
        {"id": 7, "version": "one", "inputs": {}, "variables": [3], "options": [], "root": {"id": "a", "type": "Echo", "connections": {}}}
        """);

        Assert.Equal(
        [
            new("$.id", "must be a string"),
            new("$.version", "must be a whole number"),
            new("$.inputs", "must be an array"),
            new("$.variables[0]", "must be an object"),
            new("$.options", "must be an object"),
            new("$.root.connections", "must be an array of {from, outcome, to}"),
        ], problems);
    }

    [Fact]
    public void Input_options_that_are_not_a_list_are_reported()
    {
        var problem = Assert.Single(ShapeProblems("""
        {"id": "w", "inputs": [{"name": "mode", "type": "string", "options": "fast,safe"}], "root": {"id": "e", "type": "Echo"}}
        """));

        Assert.Equal(new ValidationProblem("$.inputs[0].options", "must be an array of the allowed values"), problem);
    }

    // ---- graph (compiler) problems ----

    [Fact]
    public async Task Unknown_activity_type_is_reported_at_its_type()
    {
        var problem = Assert.Single(await GraphProblemsAsync("""
        {"id": "w", "root": {"id": "seq", "type": "Sequence", "activities": [{"id": "launch", "type": "LaunchRocket"}]}}
        """));

        Assert.Equal(new ValidationProblem("$.root.activities[0].type", "unknown activity type \"LaunchRocket\""), problem);
    }

    [Fact]
    public async Task Missing_required_input_is_reported_at_the_input()
    {
        var problem = Assert.Single(await GraphProblemsAsync("""
        {"id": "w", "root": {"id": "add", "type": "Add", "inputs": {"b": 2}}}
        """));

        Assert.Equal(new ValidationProblem("$.root.inputs.a", "is required by Add"), problem);
    }

    [Fact]
    public async Task Required_input_given_as_null_is_reported()
    {
        var problems = await GraphProblemsAsync("""
        {"id": "w", "root": {"id": "add", "type": "Add", "inputs": {"a": null}}}
        """);

        Assert.Contains(new ValidationProblem("$.root.inputs.a", "is required by Add and must not be null"), problems);
        Assert.All(problems, p => Assert.Equal("$.root.inputs.a", p.Path));
    }

    [Fact]
    public async Task Unknown_input_name_is_reported_with_the_inputs_there_are()
    {
        var problem = Assert.Single(await GraphProblemsAsync("""
        {"id": "w", "root": {"id": "add", "type": "Add", "inputs": {"a": 1, "c": 3}}}
        """));

        Assert.Equal(new ValidationProblem("$.root.inputs.c", "Add has no input \"c\"; it has: a, b"), problem);
    }

    [Theory]
    [InlineData("\"abc\"", "expected integer, got \"abc\"")]
    [InlineData("2.5", "expected integer, got 2.5")]
    [InlineData("true", "expected integer, got true")]
    [InlineData("[1]", "expected integer, got [1]")]
    public async Task Wrong_literal_type_is_reported_at_the_input(string literal, string message)
    {
        var problem = Assert.Single(await GraphProblemsAsync($$"""
        {"id": "w", "root": {"id": "add", "type": "Add", "inputs": {"a": 1, "b": {{literal}} } } }
        """));

        Assert.Equal(new ValidationProblem("$.root.inputs.b", message), problem);
    }

    [Fact]
    public async Task Literal_outside_the_input_options_is_reported()
    {
        var problem = Assert.Single(await GraphProblemsAsync("""
        {"id": "w", "root": {"id": "log", "type": "Log", "inputs": {"message": "hi", "level": "Loud"}}}
        """));

        Assert.Equal("$.root.inputs.level", problem.Path);
        Assert.Equal("expected one of Debug, Information, Warning, Error, got \"Loud\"", problem.Message);
    }

    [Fact]
    public async Task Scriban_syntax_error_is_reported_with_its_position()
    {
        var problem = Assert.Single(await GraphProblemsAsync("""
        {"id": "w", "root": {"id": "add", "type": "Add", "inputs": {"a": {"expression": "{{ input.jobId ) }}"}}}}
        """));

        Assert.Equal("$.root.inputs.a", problem.Path);
        Assert.Equal("syntax error in expression \"{{ input.jobId ) }}\" at character 16: Invalid token found `)`. Expecting <EOL>/end of line.", problem.Message);
    }

    [Fact]
    public async Task Scriban_syntax_error_in_a_text_template_is_reported_with_line_and_column()
    {
        var problem = Assert.Single(await GraphProblemsAsync("""
        {"id": "w", "root": {"id": "log", "type": "Log", "inputs": {"message": {"expression": "Job\n{{ for }} started"}}}}
        """));

        Assert.Equal("$.root.inputs.message", problem.Path);
        Assert.StartsWith("syntax error in expression \"Job\n{{ for }} started\" at line 2, column 8: ", problem.Message);
    }

    [Fact]
    public async Task Syntax_error_in_a_workflow_output_is_reported_at_the_output_value()
    {
        var problem = Assert.Single(await GraphProblemsAsync("""
        {"id": "w", "outputs": [{"name": "total", "type": "integer", "value": "{{ 1 +* 2 }}"}], "root": {"id": "e", "type": "Echo"}}
        """));

        Assert.Equal("$.outputs[0].value", problem.Path);
        Assert.Contains("syntax error in expression \"{{ 1 +* 2 }}\" at character 7", problem.Message);
    }

    [Fact]
    public async Task Unknown_variable_reference_is_reported()
    {
        var problem = Assert.Single(await GraphProblemsAsync("""
        {"id": "w", "variables": [{"name": "count", "type": "integer"}],
         "root": {"id": "add", "type": "Add", "inputs": {"a": {"variable": "cuont"}}}}
        """));

        Assert.Equal(new ValidationProblem("$.root.inputs.a.variable", "no variable \"cuont\" is declared in $.variables"), problem);
    }

    [Fact]
    public async Task Output_bound_to_an_undeclared_variable_is_reported()
    {
        var problem = Assert.Single(await GraphProblemsAsync("""
        {"id": "w", "variables": [{"name": "total", "type": "integer"}],
         "root": {"id": "add", "type": "Add", "inputs": {"a": 1}, "outputs": {"sum": "totl"}}}
        """));

        Assert.Equal(new ValidationProblem("$.root.outputs.sum", "no variable \"totl\" is declared in $.variables"), problem);
    }

    [Fact]
    public async Task Binding_an_output_the_activity_does_not_have_is_reported()
    {
        var problem = Assert.Single(await GraphProblemsAsync("""
        {"id": "w", "variables": [{"name": "total", "type": "integer"}],
         "root": {"id": "add", "type": "Add", "inputs": {"a": 1}, "outputs": {"total": "total"}}}
        """));

        Assert.Equal(new ValidationProblem("$.root.outputs.total", "Add has no output \"total\""), problem);
    }

    [Fact]
    public async Task Connection_from_and_to_unknown_activities_is_reported()
    {
        var problems = await GraphProblemsAsync("""
        {"id": "w", "root": {"id": "chart", "type": "Flowchart",
          "activities": [{"id": "a", "type": "Echo"}, {"id": "b", "type": "Echo"}],
          "connections": [{"from": "ghost", "outcome": "Done", "to": "b"}, {"from": "a", "outcome": "Done", "to": "phantom"}]}}
        """);

        Assert.Equal(
        [
            new("$.root.connections[0].from", "no activity \"ghost\" in flowchart \"chart\""),
            new("$.root.connections[1].to", "no activity \"phantom\" in flowchart \"chart\""),
        ], problems);
    }

    [Fact]
    public async Task Connection_to_an_activity_of_another_composite_is_reported()
    {
        var problem = Assert.Single(await GraphProblemsAsync("""
        {"id": "w", "root": {"id": "chart", "type": "Flowchart",
          "activities": [{"id": "a", "type": "Echo"}, {"id": "seq", "type": "Sequence", "activities": [{"id": "inner", "type": "Echo"}]}],
          "connections": [{"from": "a", "outcome": "Done", "to": "seq"}, {"from": "a", "outcome": "Done", "to": "inner"}]}}
        """));

        Assert.Equal(new ValidationProblem("$.root.connections[1].to", "\"inner\" is not a direct child of flowchart \"chart\""), problem);
    }

    [Fact]
    public async Task Connection_with_an_undeclared_outcome_is_reported_with_the_outcomes_there_are()
    {
        var problem = Assert.Single(await GraphProblemsAsync("""
        {"id": "w", "root": {"id": "chart", "type": "Flowchart",
          "activities": [{"id": "check", "type": "If", "inputs": {"condition": true}}, {"id": "b", "type": "Echo"}],
          "connections": [{"from": "check", "outcome": "Maybe", "to": "b"}]}}
        """));

        Assert.Equal(new ValidationProblem("$.root.connections[0].outcome", "If \"check\" has no outcome \"Maybe\"; it has: True, False"), problem);
    }

    [Fact]
    public async Task Connection_without_outcome_means_Done()
    {
        var problem = Assert.Single(await GraphProblemsAsync("""
        {"id": "w", "root": {"id": "chart", "type": "Flowchart",
          "activities": [{"id": "check", "type": "If", "inputs": {"condition": true}}, {"id": "b", "type": "Echo"}],
          "connections": [{"from": "check", "to": "b"}]}}
        """));

        Assert.Equal(new ValidationProblem("$.root.connections[0].outcome", "If \"check\" has no outcome \"Done\"; it has: True, False"), problem);
    }

    [Fact]
    public async Task Switch_case_names_are_accepted_as_outcomes()
    {
        var engine = new TestEngine();
        var definition = engine.Parse("""
        {"id": "w", "inputs": [{"name": "state", "type": "string"}],
         "root": {"id": "chart", "type": "Flowchart",
          "activities": [
            {"id": "route", "type": "Switch", "inputs": {"value": {"expression": "{{ input.state }}"},
              "cases": [{"name": "Running", "value": "RUNNING"}, {"name": "Stopped", "condition": "input.state == 'STOPPED'"}]}},
            {"id": "running", "type": "Echo", "inputs": {"value": "r"}},
            {"id": "stopped", "type": "Echo", "inputs": {"value": "s"}},
            {"id": "other", "type": "Echo", "inputs": {"value": "o"}}],
          "connections": [
            {"from": "route", "outcome": "Running", "to": "running"},
            {"from": "route", "outcome": "Stopped", "to": "stopped"},
            {"from": "route", "outcome": "Default", "to": "other"}]}}
        """);

        Assert.Empty(engine.Runner.Validate(definition));
        var result = await engine.Runner.RunAsync(definition, TestEngine.Input(new { state = "STOPPED" }));
        Assert.Equal(["route", "stopped", "chart"], result.Journal.Select(j => j.ActivityId));
    }

    [Fact]
    public async Task Switch_outcome_that_is_no_case_is_reported_with_the_cases()
    {
        var problem = Assert.Single(await GraphProblemsAsync("""
        {"id": "w", "root": {"id": "chart", "type": "Flowchart",
          "activities": [
            {"id": "route", "type": "Switch", "inputs": {"value": 1, "cases": [{"name": "One", "value": 1}, {"name": "Two", "value": 2}]}},
            {"id": "b", "type": "Echo"}],
          "connections": [{"from": "route", "outcome": "Three", "to": "b"}]}}
        """));

        Assert.Equal(new ValidationProblem("$.root.connections[0].outcome", "Switch \"route\" has no outcome \"Three\"; it has: Default, One, Two"), problem);
    }

    [Fact]
    public async Task Duplicate_connection_is_reported()
    {
        var problem = Assert.Single(await GraphProblemsAsync("""
        {"id": "w", "root": {"id": "chart", "type": "Flowchart",
          "activities": [{"id": "a", "type": "Echo"}, {"id": "b", "type": "Echo"}],
          "connections": [{"from": "a", "outcome": "Done", "to": "b"}, {"from": "a", "to": "b"}]}}
        """));

        Assert.Equal(new ValidationProblem("$.root.connections[1]", "connection a --Done--> b appears twice"), problem);
    }

    [Fact]
    public async Task Activity_no_connection_leads_to_from_the_start_is_unreachable()
    {
        var problem = Assert.Single(await GraphProblemsAsync("""
        {"id": "w", "root": {"id": "chart", "type": "Flowchart", "inputs": {"start": "a"},
          "activities": [{"id": "a", "type": "Echo"}, {"id": "b", "type": "Echo"}, {"id": "forgotten", "type": "Echo"}],
          "connections": [{"from": "a", "to": "b"}]}}
        """));

        Assert.Equal(new ValidationProblem("$.root.activities[2]", "activity \"forgotten\" is unreachable: no connection from the start leads to it"), problem);
    }

    [Fact]
    public async Task Loop_that_nothing_enters_is_unreachable()
    {
        var problems = await GraphProblemsAsync("""
        {"id": "w", "root": {"id": "chart", "type": "Flowchart",
          "activities": [{"id": "a", "type": "Echo"}, {"id": "b", "type": "Echo"}, {"id": "c", "type": "Echo"}],
          "connections": [{"from": "b", "to": "c"}, {"from": "c", "to": "b"}]}}
        """);

        Assert.Equal(
        [
            new("$.root.activities[1]", "activity \"b\" is unreachable: no connection from the start leads to it"),
            new("$.root.activities[2]", "activity \"c\" is unreachable: no connection from the start leads to it"),
        ], problems);
    }

    [Fact]
    public async Task Flowchart_where_every_activity_has_an_incoming_connection_needs_a_start()
    {
        var problem = Assert.Single(await GraphProblemsAsync("""
        {"id": "w", "root": {"id": "chart", "type": "Flowchart",
          "activities": [{"id": "a", "type": "Echo"}, {"id": "b", "type": "Echo"}],
          "connections": [{"from": "a", "to": "b"}, {"from": "b", "to": "a"}]}}
        """));

        Assert.Equal(new ValidationProblem("$.root.inputs.start", "every activity has an incoming connection, so none can start: set \"start\""), problem);
    }

    [Fact]
    public async Task Start_naming_an_unknown_activity_is_reported()
    {
        var problem = Assert.Single(await GraphProblemsAsync("""
        {"id": "w", "root": {"id": "chart", "type": "Flowchart", "inputs": {"start": "ghost"}, "activities": [{"id": "a", "type": "Echo"}]}}
        """));

        Assert.Equal(new ValidationProblem("$.root.inputs.start", "no activity \"ghost\" in flowchart \"chart\""), problem);
    }

    [Fact]
    public async Task Connections_on_an_activity_that_is_not_a_flowchart_are_reported()
    {
        var problem = Assert.Single(await GraphProblemsAsync("""
        {"id": "w", "root": {"id": "seq", "type": "Sequence", "activities": [{"id": "a", "type": "Echo"}],
          "connections": [{"from": "a", "to": "a"}]}}
        """));

        Assert.Equal(new ValidationProblem("$.root.connections", "only a Flowchart has connections; Sequence has none"), problem);
    }

    [Fact]
    public async Task Duplicate_activity_ids_in_one_flowchart_are_reported()
    {
        var problem = Assert.Single(await GraphProblemsAsync("""
        {"id": "w", "root": {"id": "chart", "type": "Flowchart",
          "activities": [{"id": "a", "type": "Echo"}, {"id": "b", "type": "Echo"}, {"id": "a", "type": "Echo"}],
          "connections": [{"from": "a", "to": "b"}]}}
        """));

        Assert.Equal(new ValidationProblem("$.root.activities[2].id", "activity id \"a\" is used more than once (first at $.root.activities[0])"), problem);
    }

    [Fact]
    public async Task Duplicate_activity_ids_across_nested_composites_are_reported()
    {
        var problems = await GraphProblemsAsync("""
        {"id": "w", "root": {"id": "chart", "type": "Flowchart",
          "activities": [
            {"id": "step", "type": "Echo"},
            {"id": "seq", "type": "Sequence", "activities": [
              {"id": "check", "type": "If", "inputs": {"condition": true},
               "then": {"id": "step", "type": "Echo"}, "else": {"id": "chart", "type": "Echo"}}]}],
          "connections": [{"from": "step", "to": "seq"}]}}
        """);

        Assert.Equal(
        [
            new("$.root.activities[1].activities[0].then.id", "activity id \"step\" is used more than once (first at $.root.activities[0])"),
            new("$.root.activities[1].activities[0].else.id", "activity id \"chart\" is used more than once (first at $.root)"),
        ], problems);
    }

    [Theory]
    [InlineData("1st")]
    [InlineData("has space")]
    [InlineData("dot.ted")]
    public async Task Invalid_activity_id_is_reported(string id)
    {
        var problem = Assert.Single(await GraphProblemsAsync($$"""
        {"id": "w", "root": {"id": "{{id}}", "type": "Echo"} }
        """));

        Assert.Equal(new ValidationProblem("$.root.id", $"\"{id}\" is not a valid activity id: use letters, digits, '_' and '-', starting with a letter or '_'"), problem);
    }

    [Theory]
    [InlineData("-starts-with-dash")]
    [InlineData("has/slash")]
    public async Task Invalid_definition_id_is_reported(string id)
    {
        var problem = Assert.Single(await GraphProblemsAsync($$"""
        {"id": "{{id}}", "root": {"id": "e", "type": "Echo"} }
        """));

        Assert.Equal(new ValidationProblem("$.id", "must be 1-128 letters, digits, '_', '-' or '.', starting with a letter or digit"), problem);
    }

    [Fact]
    public async Task Version_below_one_and_bad_max_concurrency_are_reported()
    {
        var problems = await GraphProblemsAsync("""
        {"id": "w", "version": 0, "options": {"maxConcurrency": 0}, "root": {"id": "e", "type": "Echo"}}
        """);

        Assert.Equal(
        [
            new("$.version", "must be 1 or more"),
            new("$.options.maxConcurrency", "must be between 1 and 1000"),
        ], problems);
    }

    [Fact]
    public async Task Bad_input_and_variable_type_names_are_reported()
    {
        var problems = await GraphProblemsAsync("""
        {"id": "w",
         "inputs": [{"name": "jobId", "type": "int"}],
         "variables": [{"name": "when", "type": "date"}],
         "outputs": [{"name": "result", "type": "text"}],
         "root": {"id": "e", "type": "Echo"}}
        """);

        const string types = "string, integer, number, boolean, timespan, datetime, array, object, any";
        Assert.Equal(
        [
            new("$.inputs[0].type", $"unknown type \"int\"; use one of {types}"),
            new("$.variables[0].type", $"unknown type \"date\"; use one of {types}"),
            new("$.outputs[0].type", $"unknown type \"text\"; use one of {types}"),
        ], problems);
    }

    [Fact]
    public async Task Defaults_that_do_not_fit_their_type_are_reported()
    {
        var problems = await GraphProblemsAsync("""
        {"id": "w",
         "inputs": [{"name": "jobId", "type": "integer", "default": "abc"}, {"name": "wait", "type": "timespan", "default": "soon"}],
         "variables": [{"name": "flag", "type": "boolean", "default": 3}, {"name": "items", "type": "array", "default": {"a": 1}}],
         "root": {"id": "e", "type": "Echo"}}
        """);

        Assert.Equal(
        [
            new("$.inputs[0].default", "expected integer, got \"abc\""),
            new("$.inputs[1].default", "expected timespan, got \"soon\""),
            new("$.variables[0].default", "expected boolean, got 3"),
            new("$.variables[1].default", "expected array, got {\"a\":1}"),
        ], problems);
    }

    [Fact]
    public async Task Input_default_outside_its_options_is_reported()
    {
        var problem = Assert.Single(await GraphProblemsAsync("""
        {"id": "w", "inputs": [{"name": "mode", "type": "string", "default": "reckless", "options": ["fast", "safe"]}], "root": {"id": "e", "type": "Echo"}}
        """));

        Assert.Equal(new ValidationProblem("$.inputs[0].default", "\"reckless\" is not one of fast, safe"), problem);
    }

    [Fact]
    public async Task Duplicate_and_invalid_input_variable_and_output_names_are_reported()
    {
        var problems = await GraphProblemsAsync("""
        {"id": "w",
         "inputs": [{"name": "jobId", "type": "integer"}, {"name": "jobId", "type": "string"}, {"name": "job id"}],
         "variables": [{"name": "x"}, {"name": "x"}, {"name": "1x"}],
         "outputs": [{"name": "out"}, {"name": "out"}],
         "root": {"id": "e", "type": "Echo"}}
        """);

        Assert.Equal(
        [
            new("$.inputs[1].name", "input \"jobId\" is declared twice"),
            new("$.inputs[2].name", "\"job id\" is not a valid input name: use letters, digits and '_', not starting with a digit"),
            new("$.variables[1].name", "variable \"x\" is declared twice"),
            new("$.variables[2].name", "\"1x\" is not a valid variable name: use letters, digits and '_', not starting with a digit"),
            new("$.outputs[1].name", "output \"out\" is declared twice"),
        ], problems);
    }

    // ---- all at once ----

    [Fact]
    public async Task Every_graph_problem_is_reported_not_only_the_first()
    {
        var problems = await GraphProblemsAsync("""
        {
          "id": "many-problems",
          "inputs": [{"name": "jobId", "type": "int"}, {"name": "jobId", "type": "integer"}],
          "variables": [{"name": "total", "type": "integer", "default": "lots"}],
          "outputs": [{"name": "summary", "type": "string", "value": "{{ vars.total + }}"}],
          "root": {
            "id": "chart", "type": "Flowchart",
            "activities": [
              {"id": "launch", "type": "LaunchRocket"},
              {"id": "add", "type": "Add", "inputs": {"b": "abc", "c": 1}, "outputs": {"sum": "totl"}},
              {"id": "echo", "type": "Echo", "inputs": {"value": {"variable": "nothing"}}},
              {"id": "seq", "type": "Sequence", "activities": [
                {"id": "check", "type": "If", "inputs": {"condition": {"expression": "{{ if }}"}},
                 "then": {"id": "add", "type": "Echo"}, "else": {"id": "bad id", "type": "Echo"}}]},
              {"id": "island", "type": "Echo"},
              {"id": "orbit", "type": "Echo"}
            ],
            "connections": [
              {"from": "add", "outcome": "Done", "to": "echo"},
              {"from": "add", "outcome": "Done", "to": "echo"},
              {"from": "echo", "outcome": "Failed", "to": "seq"},
              {"from": "ghost", "outcome": "Done", "to": "seq"},
              {"from": "seq", "outcome": "Done", "to": "island"},
              {"from": "island", "outcome": "Done", "to": "add"},
              {"from": "orbit", "outcome": "Done", "to": "orbit"}
            ]
          }
        }
        """);

        var paths = problems.Select(p => p.Path).ToList();
        Assert.Equal(
        [
            "$.inputs[0].type",
            "$.inputs[1].name",
            "$.variables[0].default",
            "$.outputs[0].value",
            "$.root.activities[0].type",
            "$.root.activities[1].inputs.c",
            "$.root.activities[1].inputs.a",
            "$.root.activities[1].inputs.b",
            "$.root.activities[1].outputs.sum",
            "$.root.activities[2].inputs.value.variable",
            "$.root.activities[3].activities[0].inputs.condition",
            "$.root.activities[3].activities[0].then.id",
            "$.root.activities[3].activities[0].else.id",
            "$.root.connections[1]",
            "$.root.connections[2].outcome",
            "$.root.connections[3].from",
            "$.root.activities[5]",
        ], paths);
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
    }

    [Fact]
    public void Every_shape_problem_is_reported_not_only_the_first()
    {
        var problems = ShapeProblems("""
        {
          "version": 1.5,
          "inputs": [{"type": "integer"}],
          "root": {"id": "chart", "type": "Flowchart", "activities": [
            {"id": "a", "type": "Add", "inputs": {"a": {"expression": 1}}, "retry": {"maxAttempts": 500, "jitter": -1}},
            {"id": "b", "type": "Echo", "join": "sometimes", "outputs": {"result": ""}},
            {"type": "Echo"}
          ], "connections": [{"to": "b"}, "a->b"]}
        }
        """);

        Assert.Equal(
        [
            "$.id", "$.version", "$.inputs[0].name",
            "$.root.connections[0].from", "$.root.connections[1]",
            "$.root.activities[0].inputs.a.expression", "$.root.activities[0].retry.maxAttempts", "$.root.activities[0].retry.jitter",
            "$.root.activities[1].outputs.result", "$.root.activities[1].join",
            "$.root.activities[2].id",
        ], problems.Select(p => p.Path));
    }

    [Fact]
    public void Reading_and_validating_together_report_shape_and_graph_problems_at_once()
    {
        var engine = new TestEngine();
        var (definition, shape) = engine.Runner.Reader.Read("""
        {"id": "w", "root": {"id": "chart", "type": "Flowchart", "activities": [
          {"id": "a", "type": "Add", "retry": {"maxAttempts": 0}},
          {"id": "b", "type": "Nope", "join": "sometimes"}]}}
        """);

        var all = shape.Concat(engine.Runner.Validate(definition!)).Select(p => p.Path);

        Assert.Equal(["$.root.activities[0].retry.maxAttempts", "$.root.activities[1].join", "$.root.activities[0].inputs.a", "$.root.activities[1].type"], all);
    }

    [Fact]
    public void Problem_list_reads_as_plain_sentences_in_the_exception_message()
    {
        var e = Assert.Throws<InvalidDefinitionException>(() => new TestEngine().Parse("""{"id": "w"}"""));

        Assert.Equal("The workflow definition is invalid: $.root: is required: the activity the workflow runs (usually a Flowchart)", e.Message);
    }

    /// <summary>Problems the reader finds; <c>Parse</c> must refuse the JSON with them.</summary>
    private static IReadOnlyList<ValidationProblem> ShapeProblems(string json) =>
        Assert.Throws<InvalidDefinitionException>(() => new TestEngine().Parse(json)).Problems;

    /// <summary>Problems the compiler finds in a well-shaped definition; <c>RunAsync</c> must refuse it with exactly these.</summary>
    private static async Task<IReadOnlyList<ValidationProblem>> GraphProblemsAsync(string json)
    {
        var engine = new TestEngine();
        var definition = engine.Parse(json);
        var problems = engine.Runner.Validate(definition);
        var refused = await Assert.ThrowsAsync<InvalidDefinitionException>(() => engine.Runner.RunAsync(definition));
        Assert.Equal(problems, refused.Problems);
        return problems;
    }
}
