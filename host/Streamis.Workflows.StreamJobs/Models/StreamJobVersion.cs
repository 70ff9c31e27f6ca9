using System.Text.Json.Nodes;

namespace Streamis.Workflows.StreamJobs.Models;

public sealed record StreamJobVersion(
    long Id,
    long JobId,
    string Version,
    JsonObject JobContent,
    string? Source,
    string? Comment,
    string CreateBy,
    DateTimeOffset CreateTime);
