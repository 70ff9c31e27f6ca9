namespace Streamis.Workflows.Sdk.Activities;

/// <summary>Marks a class as an activity and describes it to the designer and the validator.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string category, string displayName) : Attribute
{
    public string Category { get; } = category;

    public string DisplayName { get; } = displayName;

    /// <summary>The type name used in definitions; the class name when not set.</summary>
    public string? Type { get; init; }

    public string? Description { get; init; }

    public string[] Outcomes { get; init; } = [ActivityResult.DoneOutcome];

    /// <summary>An input whose literal list items' <c>name</c> fields are further outcomes (Switch cases).</summary>
    public string? DynamicOutcomesInput { get; init; }

    /// <summary>An icon name or an inline SVG, shown by the designer.</summary>
    public string? Icon { get; init; }

    /// <summary>A CSS colour for the designer's node.</summary>
    public string? Color { get; init; }
}
