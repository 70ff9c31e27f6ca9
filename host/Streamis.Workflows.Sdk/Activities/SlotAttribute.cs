namespace Streamis.Workflows.Sdk.Activities;

/// <summary>
/// Marks a property holding child activities: <c>Activity?</c> for one child, <c>IReadOnlyList&lt;Activity&gt;</c> for many.
/// In definition JSON the slot is a property of the node named after it (camelCase).
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class SlotAttribute : Attribute
{
    public string? Description { get; init; }
}
