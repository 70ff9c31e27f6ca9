using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
using Streamis.Workflows.Engine.Values;

namespace Streamis.Workflows.Engine.Expressions;

/// <summary>
/// Evaluates expressions against a set of named values. Creating a Scriban context costs far more than an
/// evaluation, so one scope is kept per workflow execution and reused from one thread at a time.
/// </summary>
public sealed class ExpressionScope
{
    private readonly ExpressionEngine engine;
    private TemplateContext context;
    private CancellationTokenSource timeout;

    internal ExpressionScope(ExpressionEngine engine)
    {
        this.engine = engine;
        (context, timeout) = NewContext();
    }

    /// <summary>Evaluates and returns a plain value; throws <see cref="ExpressionException"/> on failure.</summary>
    public object? Evaluate(CompiledExpression expression, IReadOnlyDictionary<string, object?> globals)
    {
        var scriptGlobals = new ScriptObject();
        foreach (var (name, value) in globals) scriptGlobals.SetValue(name, value, readOnly: false);
        timeout.CancelAfter(engine.Limits.TimeLimit);
        context.PushGlobal(scriptGlobals);
        try
        {
            object? result;
            if (expression.YieldsValue)
                result = PlainValue.From(expression.Template.Evaluate(context));
            else
            {
                // Render returns the text and then clears the output it wrote to, so the pushed output reads empty.
                context.PushOutput();
                result = expression.Template.Render(context);
                context.PopOutput();
            }
            context.PopGlobal();
            if (!timeout.TryReset()) Renew();
            return result;
        }
        catch (Exception e) when (e is ScriptRuntimeException or OperationCanceledException or InvalidOperationException
                                      or FormatException or ArgumentException or OverflowException or InvalidCastException)
        {
            // The context may hold half-pushed scopes after a failure: start afresh.
            Renew();
            var reason = e switch
            {
                ScriptAbortException or OperationCanceledException => $"took longer than {engine.Limits.TimeLimit.TotalSeconds:0.##} s",
                ScriptRuntimeException sre => $"{sre.OriginalMessage} (at {Position(expression, sre)})",
                _ => e.Message,
            };
            throw new ExpressionException($"expression \"{ExpressionEngine.Shorten(expression.Text)}\" failed: {reason}", e);
        }
    }

    private void Renew()
    {
        timeout.Dispose();
        (context, timeout) = NewContext();
    }

    private (TemplateContext, CancellationTokenSource) NewContext()
    {
        var cts = new CancellationTokenSource();
        var ctx = engine.CreateContext();
        ctx.CancellationToken = cts.Token;
        return (ctx, cts);
    }

    private static string Position(CompiledExpression expression, ScriptRuntimeException e) =>
        expression.YieldsValue ? $"character {e.Span.Start.Column + 3}" : $"line {e.Span.Start.Line + 1}, column {e.Span.Start.Column + 1}";
}
