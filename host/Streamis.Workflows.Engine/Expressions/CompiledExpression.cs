using Scriban;

namespace Streamis.Workflows.Engine.Expressions;

/// <summary>
/// A parsed Scriban template. A template that is exactly one <c>{{ expression }}</c> yields the expression's own
/// value (a number stays a number); any other template renders to a string.
/// </summary>
public sealed class CompiledExpression
{
    internal CompiledExpression(string text, Template template, bool yieldsValue, int codeOffset = 0)
    {
        Text = text;
        Template = template;
        YieldsValue = yieldsValue;
        CodeOffset = codeOffset;
    }

    public string Text { get; }

    internal Template Template { get; }

    internal bool YieldsValue { get; }

    /// <summary>Where the parsed code starts in <see cref="Text"/> (after the <c>{{</c> of a single block), for error positions.</summary>
    internal int CodeOffset { get; }
}
