namespace Streamis.Workflows.Host.Hosting;

/// <summary>
/// Where the host keeps things. The data folder (SQLite file, uploads, engine state, logs) is <c>./data</c> unless
/// <c>STREAMIS_DATA_DIR</c> says otherwise; workflows, templates and plugins ship beside the host's binaries.
/// </summary>
public sealed class HostPaths
{
    public const string DataVariable = "STREAMIS_DATA_DIR";

    public HostPaths(IConfiguration configuration)
    {
        DataDirectory = Path.GetFullPath(Environment.GetEnvironmentVariable(DataVariable) is { Length: > 0 } data
            ? data
            : configuration["DataDirectory"] ?? "data");
        var baseDirectory = AppContext.BaseDirectory;
        WorkflowsDirectory = Path.GetFullPath(configuration["Workflows:Directory"] ?? Path.Combine(baseDirectory, "workflows"));
        TemplatesDirectory = Path.GetFullPath(configuration["Templates:Directory"] ?? Path.Combine(baseDirectory, "templates"));
        PluginsDirectory = Path.GetFullPath(configuration["Plugins:Directory"] ?? Path.Combine(baseDirectory, "plugins"));
    }

    public string DataDirectory { get; }

    public string LogDirectory => Path.Combine(DataDirectory, "logs");

    public string FilesDirectory => Path.Combine(DataDirectory, "files");

    /// <summary>Uploaded Streamis job-version files (the host's stand-in for Linkis BML).</summary>
    public string JobFilesDirectory => Path.Combine(DataDirectory, "job-files");

    public string WorkflowsDirectory { get; }

    public string TemplatesDirectory { get; }

    public string PluginsDirectory { get; }
}
