using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Streamis.Workflows.Plugins.Local;

/// <summary>The Local engine's settings, from the plugin's configuration section <c>Plugins:local</c>.</summary>
public sealed class LocalEngineOptions
{
    public const string RunnerFileName = "Streamis.Workflows.Plugins.Local.Runner.dll";

    /// <summary>Where jobs keep their output, logs, checkpoints and savepoints; every state path must lie inside it.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The runner assembly; by default <c>runner/</c> beside the plugin.</summary>
    public string RunnerPath { get; init; } = DefaultRunnerPath(Path.GetDirectoryName(typeof(LocalEngineOptions).Assembly.Location) ?? AppContext.BaseDirectory);

    /// <summary>The <c>dotnet</c> that starts the runner; by default the one running the host.</summary>
    public string? DotnetPath { get; init; }

    /// <summary>How long a launch waits for the runner to open its output before answering with a starting task.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a savepoint request waits for the runner's answer.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a stop waits for the process to be gone.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Whether jobs end when the host process that launched them ends. Off by default: like jobs on a cluster,
    /// local jobs outlive a host restart and the restarted host reconnects to them.
    /// </summary>
    public bool StopJobsWithHost { get; init; }

    /// <summary>Reads the section; the engine's files go to <c>&lt;host data folder&gt;/local-engine</c> unless it says otherwise.</summary>
    public static LocalEngineOptions FromConfiguration(IConfiguration section, string pluginFolder, string hostData)
    {
        return new LocalEngineOptions
        {
            DataDirectory = Path.GetFullPath(NonEmpty(section["DataDirectory"]) ?? Path.Combine(hostData, "local-engine")),
            RunnerPath = Path.GetFullPath(NonEmpty(section["RunnerPath"]) ?? DefaultRunnerPath(pluginFolder)),
            DotnetPath = NonEmpty(section["DotnetPath"]),
            StartTimeout = Duration(section, "StartTimeout", TimeSpan.FromSeconds(30)),
            CommandTimeout = Duration(section, "CommandTimeout", TimeSpan.FromSeconds(30)),
            StopTimeout = Duration(section, "StopTimeout", TimeSpan.FromSeconds(15)),
            StopJobsWithHost = Flag(section, "StopJobsWithHost"),
        };
    }

    private static string DefaultRunnerPath(string pluginFolder) => Path.Combine(pluginFolder, "runner", RunnerFileName);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Takes <c>00:00:30</c> or a number of seconds.</summary>
    private static TimeSpan Duration(IConfiguration section, string key, TimeSpan fallback)
    {
        if (NonEmpty(section[key]) is not { } text) return fallback;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0) return TimeSpan.FromSeconds(seconds);
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero) return span;
        throw new InvalidOperationException($"Plugins:local:{key} must be a positive duration (00:00:30) or a number of seconds, not '{text}'.");
    }

    private static bool Flag(IConfiguration section, string key)
    {
        if (NonEmpty(section[key]) is not { } text) return false;
        return bool.TryParse(text, out var value)
            ? value
            : throw new InvalidOperationException($"Plugins:local:{key} must be true or false, not '{text}'.");
    }
}
