using System.Text.Json.Nodes;

namespace Streamis.Workflows.Host.Endpoints.Definitions;

public sealed record DefinitionResponse(
    string DefinitionId, int Version, string Name, string? Description, bool IsLatest, bool IsPublished,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, JsonNode Definition);

public sealed record DefinitionVersionResponse(
    string DefinitionId, int Version, string Name, bool IsLatest, bool IsPublished, string Hash, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record SaveDefinitionResponse(string DefinitionId, int Version, bool IsPublished, IReadOnlyList<ProblemResponse> Problems);

public sealed record ValidationResponse(bool Valid, IReadOnlyList<ProblemResponse> Problems);

public sealed record ProblemResponse(string Path, string Message);
