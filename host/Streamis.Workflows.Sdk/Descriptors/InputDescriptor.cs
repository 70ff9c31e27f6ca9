using System.Text.Json.Nodes;

namespace Streamis.Workflows.Sdk.Descriptors;

/// <summary>An input of an activity. <see cref="Type"/> is one of <see cref="ValueTypeNames"/>.</summary>
public sealed record InputDescriptor(
    string Name,
    string DisplayName,
    string Type,
    string? Description,
    string UIHint,
    JsonNode? Default,
    bool Required,
    IReadOnlyList<string>? Options);
