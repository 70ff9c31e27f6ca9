using System.Globalization;
using System.Text.Json.Nodes;

namespace Streamis.Workflows.Plugins.Linkis.Launch;

/// <summary>A file in Linkis BML: its resource id and version, and the name the job knows it by.</summary>
internal sealed record BmlResource(string ResourceId, string Version, string? FileName = null)
{
    /// <summary>How a once-job names its uploaded content: <c>resource_</c> + 3-digit length of the id + id + version.</summary>
    public string OnceExecutorContent => string.Create(CultureInfo.InvariantCulture, $"resource_{ResourceId.Length:D3}{ResourceId}{Version}");

    /// <summary>The <c>{resourceId, version, fileName}</c> descriptor Flink EngineConns take for jars and resources.</summary>
    public JsonObject ToJson() => new()
    {
        ["resourceId"] = ResourceId,
        ["version"] = Version,
        ["fileName"] = FileName,
    };
}
