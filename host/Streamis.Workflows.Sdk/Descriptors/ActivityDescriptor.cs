namespace Streamis.Workflows.Sdk.Descriptors;

/// <summary>What the designer and the validator know about an activity type.</summary>
public sealed record ActivityDescriptor(
    string Type,
    string Category,
    string DisplayName,
    string? Description,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<OutputDescriptor> Outputs,
    IReadOnlyList<string> Outcomes,
    IReadOnlyList<SlotDescriptor> Slots,
    string? DynamicOutcomesInput,
    string? Icon,
    string? Color,
    string? Source);
