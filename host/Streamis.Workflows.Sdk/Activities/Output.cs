namespace Streamis.Workflows.Sdk.Activities;

/// <summary>An activity output; write it with <see cref="ActivityContext.Set{T}(Output{T}, T)"/>.</summary>
public abstract class Output
{
    public string Name { get; internal set; } = "";

    /// <summary>The workflow variable this output is also copied into, if the definition binds one.</summary>
    public string? Variable { get; internal set; }

    public abstract Type ValueType { get; }
}

public sealed class Output<T> : Output
{
    public override Type ValueType => typeof(T);
}
