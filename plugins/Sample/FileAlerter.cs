using System.Text.Json;
using System.Text.Json.Serialization;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Sample;

/// <summary>
/// Delivers an alert by appending it as one JSON line to a file: the simplest delivery there is, and one an operator
/// can read back (<c>GET /api/plugins/sample/alerts</c>).
/// </summary>
public sealed class FileAlerter(string filePath) : IAlerter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    // Workflows raise alerts concurrently; one writer at a time keeps every line whole.
    private readonly SemaphoreSlim gate = new(1, 1);

    public string Name => "sample-file";

    public string FilePath => filePath;

    public async Task SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        var line = JsonSerializer.Serialize(alert, Json) + "\n";
        await gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(filePath)!);
            await File.AppendAllTextAsync(filePath, line, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The newest <paramref name="count"/> alerts, oldest first.</summary>
    public async Task<IReadOnlyList<Alert>> ReadRecentAsync(int count, CancellationToken cancellationToken)
    {
        string[] lines;
        await gate.WaitAsync(cancellationToken);
        try
        {
            lines = File.Exists(filePath) ? await File.ReadAllLinesAsync(filePath, cancellationToken) : [];
        }
        finally
        {
            gate.Release();
        }
        return lines.Where(l => l.Length > 0).TakeLast(count).Select(l => JsonSerializer.Deserialize<Alert>(l, Json)!).ToList();
    }
}
