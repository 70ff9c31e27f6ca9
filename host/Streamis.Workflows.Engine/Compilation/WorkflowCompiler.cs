using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Streamis.Workflows.Engine.Activities;
using Streamis.Workflows.Engine.Definitions;
using Streamis.Workflows.Engine.Expressions;
using Streamis.Workflows.Engine.Registry;
using Streamis.Workflows.Engine.Validation;
using Streamis.Workflows.Engine.Values;
using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.Sdk.Descriptors;

namespace Streamis.Workflows.Engine.Compilation;

/// <summary>
/// Validates a definition against the registered activity types and, when it is sound, creates and binds its
/// activities. Reports every problem found, each with its JSON path.
/// </summary>
public sealed partial class WorkflowCompiler(ActivityRegistry registry, ExpressionEngine expressions)
{
    public (WorkflowGraph? Graph, IReadOnlyList<ValidationProblem> Problems) Compile(WorkflowDefinition definition)
    {
        var run = new CompilationRun(this, definition);
        return run.Execute();
    }

    private ActivityRegistry Registry => registry;

    private ExpressionEngine Expressions => expressions;

    internal static Type ClrTypeOf(string typeName) => typeName switch
    {
        ValueTypeNames.String => typeof(string),
        ValueTypeNames.Integer => typeof(long),
        ValueTypeNames.Number => typeof(double),
        ValueTypeNames.Boolean => typeof(bool),
        ValueTypeNames.TimeSpan => typeof(TimeSpan),
        ValueTypeNames.DateTime => typeof(DateTimeOffset),
        ValueTypeNames.Array => typeof(List<object?>),
        ValueTypeNames.Object => typeof(Dictionary<string, object?>),
        _ => typeof(object),
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    internal static partial Regex Identifier();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.\\-]{0,127}$")]
    private static partial Regex DefinitionIdPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_\\-]{0,127}$")]
    private static partial Regex ActivityIdPattern();

    private sealed class CompilationRun(WorkflowCompiler compiler, WorkflowDefinition definition)
    {
        private readonly List<ValidationProblem> problems = [];
        private readonly Dictionary<string, GraphNode> nodes = new(StringComparer.Ordinal);
        private readonly HashSet<string> variables = new(StringComparer.Ordinal);

        public (WorkflowGraph?, IReadOnlyList<ValidationProblem>) Execute()
        {
            CheckHeader();
            var outputs = CheckWorkflowOutputs();
            GraphNode? root = definition.Root is null ? null : CompileNode(definition.Root, null);
            foreach (var node in nodes.Values)
                if (node.Activity is Flowchart flowchart) flowchart.Plan = PlanFlowchart(node);
                else if (node.Node.Connections is { Count: > 0 })
                    problems.Add(new($"{node.Node.Path}.connections", $"only a Flowchart has connections; {node.Node.Type} has none"));
            if (definition.Root is null && !problems.Any(p => p.Path == "$.root"))
                problems.Add(new("$.root", "is required"));
            return problems.Count > 0 || root is null ? (null, problems) : (new WorkflowGraph(definition, root, nodes, outputs), problems);
        }

        private void CheckHeader()
        {
            if (string.IsNullOrWhiteSpace(definition.Id)) { if (!problems.Any(p => p.Path == "$.id")) problems.Add(new("$.id", "is required")); }
            else if (!DefinitionIdPattern().IsMatch(definition.Id))
                problems.Add(new("$.id", "must be 1-128 letters, digits, '_', '-' or '.', starting with a letter or digit"));
            if (definition.Version < 1) problems.Add(new("$.version", "must be 1 or more"));
            if (definition.Name.Length > 256) problems.Add(new("$.name", "must be at most 256 characters"));
            if (definition.Options.MaxConcurrency is < 1 or > 1000) problems.Add(new("$.options.maxConcurrency", "must be between 1 and 1000"));

            var inputNames = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < definition.Inputs.Count; i++)
            {
                var input = definition.Inputs[i];
                var path = $"$.inputs[{i}]";
                CheckName(input.Name, path, inputNames, "input");
                if (CheckType(input.Type, path) && input.Default is not null
                    && CheckLiteral(input.Default, ClrTypeOf(input.Type), $"{path}.default") is string text
                    && input.Options is { Count: > 0 } options && !options.Contains(text))
                    problems.Add(new($"{path}.default", $"\"{text}\" is not one of {string.Join(", ", options)}"));
            }
            for (var i = 0; i < definition.Variables.Count; i++)
            {
                var variable = definition.Variables[i];
                var path = $"$.variables[{i}]";
                CheckName(variable.Name, path, variables, "variable");
                if (CheckType(variable.Type, path) && variable.Default is not null) CheckLiteral(variable.Default, ClrTypeOf(variable.Type), $"{path}.default");
            }
        }

        private Dictionary<string, CompiledExpression> CheckWorkflowOutputs()
        {
            var result = new Dictionary<string, CompiledExpression>(StringComparer.Ordinal);
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < definition.Outputs.Count; i++)
            {
                var output = definition.Outputs[i];
                var path = $"$.outputs[{i}]";
                CheckName(output.Name, path, names, "output");
                CheckType(output.Type, path);
                if (output.Value is { } value && TryCompile(value, $"{path}.value") is { } compiled) result[output.Name] = compiled;
            }
            return result;
        }

        private void CheckName(string name, string path, HashSet<string> seen, string what)
        {
            if (!Identifier().IsMatch(name)) problems.Add(new($"{path}.name", $"\"{name}\" is not a valid {what} name: use letters, digits and '_', not starting with a digit"));
            else if (!seen.Add(name)) problems.Add(new($"{path}.name", $"{what} \"{name}\" is declared twice"));
        }

        private bool CheckType(string type, string path)
        {
            if (ValueTypeNames.All.Contains(type)) return true;
            problems.Add(new($"{path}.type", $"unknown type \"{type}\"; use one of {string.Join(", ", ValueTypeNames.All)}"));
            return false;
        }

        private object? CheckLiteral(JsonNode? literal, Type type, string path)
        {
            if (ValueConverter.TryConvert(PlainValue.FromJson(literal), type, out var value, out var error)) return value;
            problems.Add(new(path, error!));
            return null;
        }

        private CompiledExpression? TryCompile(string text, string path)
        {
            try
            {
                return compiler.Expressions.Compile(text);
            }
            catch (ExpressionException e)
            {
                problems.Add(new(path, e.Message));
                return null;
            }
        }

        private GraphNode? CompileNode(ActivityNode node, GraphNode? parent)
        {
            var path = node.Path;
            if (node.Id.Length > 0)
            {
                if (!ActivityIdPattern().IsMatch(node.Id))
                    problems.Add(new($"{path}.id", $"\"{node.Id}\" is not a valid activity id: use letters, digits, '_' and '-', starting with a letter or '_'"));
                else if (nodes.ContainsKey(node.Id))
                    problems.Add(new($"{path}.id", $"activity id \"{node.Id}\" is used more than once (first at {nodes[node.Id].Node.Path})"));
            }
            if (!compiler.Registry.TryGet(node.Type, out var type))
            {
                if (node.Type.Length > 0) problems.Add(new($"{path}.type", $"unknown activity type \"{node.Type}\""));
                foreach (var child in node.Children) CompileNode(child, parent);
                return null;
            }

            var activity = type.Create();
            activity.Id = node.Id;
            activity.Type = type.Name;
            var graphNode = new GraphNode(node, type, activity, parent);
            activity.CompiledNode = graphNode;
            if (node.Id.Length > 0) nodes.TryAdd(node.Id, graphNode);

            BindInputs(node, type, activity);
            graphNode.Outputs = BindOutputs(node, type, activity);
            foreach (var slot in type.Slots)
            {
                var children = node.Slots.TryGetValue(slot.Name, out var value)
                    ? value.Nodes.Select(n => CompileNode(n, graphNode)?.Activity).OfType<Activity>().ToList()
                    : [];
                if (slot.Descriptor.Multiple) slot.Property.SetValue(activity, children);
                else slot.Property.SetValue(activity, children.FirstOrDefault());
            }
            return graphNode;
        }

        private void BindInputs(ActivityNode node, ActivityType type, Activity activity)
        {
            foreach (var name in node.Inputs.Keys.Where(k => type.Inputs.All(i => i.Name != k)))
                problems.Add(new($"{node.Path}.inputs.{name}", $"{type.Name} has no input \"{name}\"; it has: {string.Join(", ", type.Inputs.Select(i => i.Name))}"));

            foreach (var property in type.Inputs)
            {
                var path = $"{node.Path}.inputs.{property.Name}";
                var input = (Input)Activator.CreateInstance(property.Property.PropertyType)!;
                input.Name = property.Name;
                if (!node.Inputs.TryGetValue(property.Name, out var value))
                {
                    if (property.Descriptor.Required && property.DefaultValue is null)
                        problems.Add(new(path, $"is required by {type.Name}"));
                    input.Kind = InputSourceKind.Literal;
                    input.Literal = property.DefaultValue ?? DefaultOf(property.ValueType);
                }
                else
                {
                    input.Kind = value.Kind;
                    input.Text = value.Text;
                    switch (value.Kind)
                    {
                        case InputSourceKind.Literal:
                            if (value.Literal is null && property.Descriptor.Required) problems.Add(new(path, $"is required by {type.Name} and must not be null"));
                            input.Literal = CheckLiteral(value.Literal, property.ValueType, path) ?? DefaultOf(property.ValueType);
                            if (property.Descriptor.Options is { } options && input.Literal is string s && !options.Contains(s, StringComparer.OrdinalIgnoreCase))
                                problems.Add(new(path, $"\"{s}\" is not one of {string.Join(", ", options)}"));
                            break;
                        case InputSourceKind.Expression:
                            input.Compiled = TryCompile(value.Text ?? "", path);
                            break;
                        case InputSourceKind.Variable:
                            if (!variables.Contains(value.Text ?? ""))
                                problems.Add(new($"{path}.variable", $"no variable \"{value.Text}\" is declared in $.variables"));
                            break;
                    }
                }
                property.Property.SetValue(activity, input);
            }
        }

        private List<Output> BindOutputs(ActivityNode node, ActivityType type, Activity activity)
        {
            foreach (var (name, _) in node.Outputs.Where(o => type.Outputs.All(p => p.Name != o.Key)))
                problems.Add(new($"{node.Path}.outputs.{name}", $"{type.Name} has no output \"{name}\""));
            var bound = new List<Output>();
            foreach (var property in type.Outputs)
            {
                var output = (Output)Activator.CreateInstance(property.Property.PropertyType)!;
                output.Name = property.Name;
                if (node.Outputs.TryGetValue(property.Name, out var variable))
                {
                    if (!variables.Contains(variable))
                        problems.Add(new($"{node.Path}.outputs.{property.Name}", $"no variable \"{variable}\" is declared in $.variables"));
                    output.Variable = variable;
                }
                property.Property.SetValue(activity, output);
                bound.Add(output);
            }
            return bound;
        }

        private FlowchartPlan PlanFlowchart(GraphNode flowchartNode)
        {
            var node = flowchartNode.Node;
            var flowchart = (Flowchart)flowchartNode.Activity;
            // A duplicate id is already reported where it is declared; index the first so planning can go on.
            var children = new Dictionary<string, Activity>(StringComparer.Ordinal);
            foreach (var child in flowchart.Activities) children.TryAdd(child.Id, child);
            var outgoing = new Dictionary<(string, string), List<Connection>>();
            var incoming = new Dictionary<string, int>(StringComparer.Ordinal);
            var seen = new HashSet<(string, string, string)>();
            var connections = node.Connections ?? [];
            for (var i = 0; i < connections.Count; i++)
            {
                var c = connections[i];
                var path = $"{node.Path}.connections[{i}]";
                var ok = true;
                if (!children.TryGetValue(c.From, out var from))
                {
                    problems.Add(new($"{path}.from", DescribeMissing(c.From, node)));
                    ok = false;
                }
                if (!children.ContainsKey(c.To))
                {
                    problems.Add(new($"{path}.to", DescribeMissing(c.To, node)));
                    ok = false;
                }
                if (from is not null)
                {
                    var declared = OutcomesOf((GraphNode)from.CompiledNode!);
                    if (!declared.Contains(c.Outcome))
                    {
                        problems.Add(new($"{path}.outcome", $"{from.Type} \"{from.Id}\" has no outcome \"{c.Outcome}\"; it has: {string.Join(", ", declared)}"));
                        ok = false;
                    }
                }
                if (!ok) continue;
                if (!seen.Add((c.From, c.Outcome, c.To)))
                {
                    problems.Add(new(path, $"connection {c.From} --{c.Outcome}--> {c.To} appears twice"));
                    continue;
                }
                if (!outgoing.TryGetValue((c.From, c.Outcome), out var list)) outgoing[(c.From, c.Outcome)] = list = [];
                list.Add(c);
                incoming[c.To] = incoming.GetValueOrDefault(c.To) + 1;
            }

            var startId = flowchart.Start.Kind == InputSourceKind.Literal ? flowchart.Start.Literal as string : null;
            List<Activity> start;
            if (!string.IsNullOrEmpty(startId))
            {
                if (children.TryGetValue(startId, out var s)) start = [s];
                else
                {
                    problems.Add(new($"{node.Path}.inputs.start", DescribeMissing(startId, node)));
                    start = [];
                }
            }
            else start = flowchart.Activities.Where(a => !incoming.ContainsKey(a.Id)).ToList();
            if (start.Count == 0 && flowchart.Activities.Count > 0 && string.IsNullOrEmpty(startId))
                problems.Add(new($"{node.Path}.inputs.start", "every activity has an incoming connection, so none can start: set \"start\""));

            // Anything no path from a start activity reaches would never run: almost always a forgotten connection.
            var reached = new HashSet<string>(start.Select(a => a.Id), StringComparer.Ordinal);
            var frontier = new Queue<string>(reached);
            while (frontier.TryDequeue(out var id))
                foreach (var ((from, _), list) in outgoing)
                    if (from == id)
                        foreach (var c in list)
                            if (reached.Add(c.To)) frontier.Enqueue(c.To);
            if (start.Count > 0)
                foreach (var activity in flowchart.Activities.Where(a => !reached.Contains(a.Id)))
                    problems.Add(new(((GraphNode)activity.CompiledNode!).Node.Path, $"activity \"{activity.Id}\" is unreachable: no connection from the start leads to it"));

            return new FlowchartPlan(start, children, outgoing, incoming);
        }

        private string DescribeMissing(string id, ActivityNode flowchart) =>
            nodes.ContainsKey(id)
                ? $"\"{id}\" is not a direct child of flowchart \"{flowchart.Id}\""
                : $"no activity \"{id}\" in flowchart \"{flowchart.Id}\"";

        private static IReadOnlyCollection<string> OutcomesOf(GraphNode node)
        {
            var descriptor = node.Type.Descriptor;
            if (descriptor.DynamicOutcomesInput is not { } inputName) return descriptor.Outcomes;
            var outcomes = new List<string>(descriptor.Outcomes);
            var property = node.Type.Inputs.FirstOrDefault(i => i.Name == inputName);
            if (property?.Property.GetValue(node.Activity) is Input { Kind: InputSourceKind.Literal, Literal: System.Collections.IEnumerable items })
                foreach (var item in items)
                    switch (PlainValue.From(item))
                    {
                        case string s: outcomes.Add(s); break;
                        case Dictionary<string, object?> d when d.GetValueOrDefault("name") is string n: outcomes.Add(n); break;
                    }
            return outcomes;
        }

        private static object? DefaultOf(Type type) => type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
    }
}
