using Scriban;

namespace Streamis.Workflows.Engine.Expressions;

/// <summary>
/// A parsed Scriban template. A template that is exactly one <c>{{ expression }}</c> yields the expression's own
/// value (a number stays a number); any other template renders to a string.
/// </summary>
public sealed class CompiledExpression
{
    internal CompiledExpression(string text, Template template, bool yieldsValue)
    {
        Text = text;
        Template = template;
        YieldsValue = yieldsValue;
    }

    public string Text { get; }

    internal Template Template { get; }

    internal bool YieldsValue { get; }
}
