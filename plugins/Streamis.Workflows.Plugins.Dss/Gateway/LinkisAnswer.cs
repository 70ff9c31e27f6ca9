using System.Text.Json.Nodes;

namespace Streamis.Workflows.Plugins.Dss.Gateway;

/// <summary>A Linkis envelope as the gateway answered it.</summary>
internal sealed record LinkisAnswer(int Status, string? Message, JsonObject Data);
