using System.Runtime.InteropServices;

namespace Streamis.Workflows.Benchmarks.Report;

/// <summary>What the figures were measured on, read from Linux' /proc and /etc where there is one.</summary>
public sealed record MachineDescription(string Processor, int Cores, string Memory, string OperatingSystem, string Runtime)
{
    public static MachineDescription Read() => new(
        FirstValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount,
        FirstValue("/proc/meminfo", "MemTotal") is { } total && long.TryParse(total.Split(' ')[0], out var kilobytes) ? $"{kilobytes / 1024d / 1024d:0.0} GB" : "unknown",
        FirstValue("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    /// <summary>The 1, 5 and 15 minute load averages: how much else the machine was doing.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? FirstValue(string file, string key, char separator = ':')
    {
        if (!File.Exists(file)) return null;
        return File.ReadLines(file)
            .Select(line => line.Split(separator, 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim() == key)
            .Select(parts => parts[1].Trim())
            .FirstOrDefault();
    }
}
