namespace Streamis.Workflows.Sdk.Activities;

public enum InputSourceKind
{
    Literal,
    Expression,
    Variable,
}

/// <summary>
/// An activity input as bound by a workflow definition: a literal, a Scriban expression, or a variable.
/// The engine creates and binds these when it loads a definition.
/// </summary>
public abstract class Input
{
    public string Name { get; internal set; } = "";

    public InputSourceKind Kind { get; internal set; }

    /// <summary>The literal converted to <see cref="ValueType"/>, when <see cref="Kind"/> is Literal.</summary>
    public object? Literal { get; internal set; }

    /// <summary>The expression text or variable name.</summary>
    public string? Text { get; internal set; }

    /// <summary>Engine-owned compiled form of the expression.</summary>
    internal object? Compiled { get; set; }

    public abstract Type ValueType { get; }
}

/// <summary>A typed input; read it with <see cref="ActivityContext.Get{T}(Input{T})"/>.</summary>
public sealed class Input<T> : Input
{
    public override Type ValueType => typeof(T);
}
