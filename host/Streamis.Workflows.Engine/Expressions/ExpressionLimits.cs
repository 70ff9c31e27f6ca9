namespace Streamis.Workflows.Engine.Expressions;

/// <summary>The sandbox bounds of every expression and template evaluation.</summary>
public sealed class ExpressionLimits
{
    /// <summary>Iterations across all loops of one evaluation.</summary>
    public int LoopLimit { get; set; } = 10_000;

    public int RecursionLimit { get; set; } = 64;

    /// <summary>Characters an evaluation may produce.</summary>
    public int OutputLimit { get; set; } = 1_000_000;

    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest expression text accepted in a definition.</summary>
    public int MaxTextLength { get; set; } = 100_000;
}
