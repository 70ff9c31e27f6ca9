using System.Text.Json;

namespace Streamis.Workflows.Plugins.Local.Protocol;

/// <summary>
/// The files through which the plugin and the runner talk. Files, not pipes or sockets, so that a host restarted
/// in the meantime (a new plugin instance, a new process) finds the runner and its state exactly as it left them.
/// </summary>
internal static class RunnerFiles
{
    public const string Settings = "runner.json";
    public const string Log = "client.log";
    public const string Status = "status.json";
    public const string Exit = "exit.json";
    public const string ControlFolder = "control";
    public const string CommandSuffix = ".cmd.json";
    public const string ResultSuffix = ".result.json";
    public const string Metadata = "_metadata";
    public const string CheckpointPrefix = "chk-";
    public const string SavepointPrefix = "savepoint-";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes beside the target and renames over it, so a reader sees the old file or the new one, never half of one.</summary>
    public static void WriteJsonAtomic<T>(string path, T value)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temporary, JsonSerializer.Serialize(value, Json));
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    File.Move(temporary, path, overwrite: true);
                    return;
                }
                catch (IOException) when (attempt < 5 && File.Exists(temporary))
                {
                    // Windows refuses to replace a file a reader has open for that moment; Linux never gets here.
                    Thread.Sleep(20);
                }
            }
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>The file's content, or null when it does not exist (yet).</summary>
    public static T? TryReadJson<T>(string path) where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) : null;
            }
            catch (FileNotFoundException)
            {
                return null;
            }
            catch (IOException) when (attempt < 5)
            {
                // Windows refuses to open a file while it is being renamed over; the next try sees the new one.
                Thread.Sleep(20);
            }
        }
    }
}
