namespace Streamis.Workflows.Sdk.Activities;

[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class OutputAttribute : Attribute
{
    public string? Description { get; init; }
}
