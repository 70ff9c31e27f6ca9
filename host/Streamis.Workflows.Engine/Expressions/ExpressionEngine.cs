using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Streamis.Workflows.Engine.Expressions;

/// <summary>
/// Compiles Scriban templates (cached by text) and evaluates them in a sandbox: only the plain data handed in is
/// visible, no .NET members, no includes, bounded loops, recursion, output and time.
/// </summary>
public sealed partial class ExpressionEngine(ExpressionLimits limits)
{
    private readonly ConcurrentDictionary<string, CompiledExpression> cache = new(StringComparer.Ordinal);

    public ExpressionLimits Limits { get; } = limits;

    public ExpressionEngine() : this(new ExpressionLimits()) { }

    /// <summary>Parses a template; throws <see cref="ExpressionException"/> with line and column on a syntax error.</summary>
    public CompiledExpression Compile(string text)
    {
        if (cache.TryGetValue(text, out var cached)) return cached;
        if (text.Length > Limits.MaxTextLength)
            throw new ExpressionException($"expression is {text.Length} characters long; at most {Limits.MaxTextLength} are allowed");
        var single = SingleBlock().Match(text);
        var yieldsValue = single.Success && !single.Groups["code"].Value.Contains("{{", StringComparison.Ordinal);
        var template = yieldsValue
            ? Template.Parse(single.Groups["code"].Value, lexerOptions: new LexerOptions { Mode = ScriptMode.ScriptOnly })
            : Template.Parse(text);
        if (template.HasErrors)
        {
            var first = template.Messages.First(m => m.Type == ParserMessageType.Error);
            var offset = yieldsValue ? single.Groups["code"].Index : 0;
            var position = yieldsValue ? $"character {first.Span.Start.Offset + offset + 1}" : $"line {first.Span.Start.Line + 1}, column {first.Span.Start.Column + 1}";
            throw new ExpressionException($"syntax error in expression \"{Shorten(text)}\" at {position}: {first.Message}");
        }
        var compiled = new CompiledExpression(text, template, yieldsValue, yieldsValue ? single.Groups["code"].Index : 0);
        if (cache.Count < 10_000) cache.TryAdd(text, compiled);
        return compiled;
    }

    /// <summary>A reusable evaluation context; one per workflow execution, used from one thread at a time.</summary>
    public ExpressionScope CreateScope() => new(this);

    internal TemplateContext CreateContext() => new()
    {
        MemberFilter = _ => false,
        LoopLimit = Limits.LoopLimit,
        LoopLimitQueryable = Limits.LoopLimit,
        RecursiveLimit = Limits.RecursionLimit,
        LimitToString = Limits.OutputLimit,
        OutputLimit = Limits.OutputLimit,
        EnableRelaxedTargetAccess = true,
        EnableRelaxedMemberAccess = true,
        StrictVariables = false,
        TemplateLoader = null,
        RegexTimeOut = Limits.TimeLimit,
    };

    internal static string Shorten(string text) => text.Length > 80 ? text[..77] + "..." : text;

    [GeneratedRegex(@"^\s*\{\{(?![~\-])(?<code>.*?)(?<![~\-])\}\}\s*$", RegexOptions.Singleline)]
    private static partial Regex SingleBlock();
}
