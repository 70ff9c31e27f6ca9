namespace Streamis.Workflows.Sdk.Activities;

[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class InputAttribute : Attribute
{
    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    /// <summary>Editor the designer shows: <c>text</c>, <c>multiline</c>, <c>code</c>, <c>dropdown</c>, <c>checkbox</c>, <c>json</c>...</summary>
    public string? UIHint { get; init; }

    /// <summary>Used when the definition leaves the input out.</summary>
    public object? Default { get; init; }

    public bool Required { get; init; }

    /// <summary>Allowed values, for a dropdown.</summary>
    public string[]? Options { get; init; }
}
