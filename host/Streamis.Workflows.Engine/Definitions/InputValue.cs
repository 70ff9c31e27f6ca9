using System.Text.Json.Nodes;
using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Definitions;

/// <summary>
/// How an input is given. In JSON: a bare value is a literal; <c>{"expression": "{{ input.jobId }}"}</c> is a
/// Scriban template; <c>{"variable": "name"}</c> reads a variable; <c>{"literal": ...}</c> is an explicit literal.
/// </summary>
public sealed record InputValue(InputSourceKind Kind, JsonNode? Literal, string? Text)
{
    public static InputValue FromLiteral(JsonNode? literal) => new(InputSourceKind.Literal, literal, null);

    public static InputValue FromExpression(string text) => new(InputSourceKind.Expression, null, text);

    public static InputValue FromVariable(string name) => new(InputSourceKind.Variable, null, name);
}
