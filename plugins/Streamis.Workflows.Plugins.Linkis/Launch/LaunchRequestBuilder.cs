using System.Globalization;
using System.Text.Json.Nodes;
using Streamis.Workflows.Plugins.Linkis.State;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Linkis.Launch;

/// <summary>
/// Builds the <c>createEngineConn</c> request of a launch as Streamis' transforms do (§4.3): labels, resource keys renamed
/// for the Flink EngineConn, free Flink settings as <c>_FLINK_CONFIG_.</c> keys, checkpointing and savepoint settings,
/// the jar's BML descriptors, the application name and the state to restore; for Linkis 1.1.1 and older the two memory
/// settings in GB and no <c>_FLINK_CONFIG_.</c> prefix.
/// </summary>
/// <remarks>
/// <see cref="JobLaunchRequest.Configuration"/> is the job's configuration flattened to its leaf keys. A free Flink
/// setting is any key that is not Streamis' own (<c>wds.linkis.*</c>, <c>wds.streamis.*</c>), or one written with the
/// group's name in front (<c>wds.linkis.flink.custom.env.java.opts</c>).
/// </remarks>
internal sealed class LaunchRequestBuilder(LinkisOptions options)
{
    public const string FlinkConfigPrefix = "_FLINK_CONFIG_.";
    public const string CustomGroup = "wds.linkis.flink.custom";
    public const string CheckpointSwitch = "wds.linkis.flink.checkpoint.switch";
    private const string CheckpointPrefix = "wds.linkis.flink.checkpoint.";
    private const string SavepointPrefix = "wds.linkis.flink.savepoint.";
    private const string TaskManagerMemory = "flink.taskmanager.memory";
    private const string JobManagerMemory = "flink.jobmanager.memory";

    private static readonly Dictionary<string, string> ResourceKeys = new(StringComparer.Ordinal)
    {
        ["wds.linkis.flink.taskmanager.memory"] = TaskManagerMemory,
        ["wds.linkis.flink.jobmanager.memory"] = JobManagerMemory,
        ["wds.linkis.flink.taskmanager.cpus"] = "flink.taskmanager.cpu.cores",
        ["wds.linkis.flink.taskmanager.numberOfTaskSlots"] = "flink.taskmanager.numberOfTaskSlots",
        ["wds.linkis.flink.app.parallelism"] = "wds.linkis.engineconn.flink.app.parallelism",
    };

    /// <summary>Streamis' own keys that steer the host (restart, restore, permissions, alerts), not the job.</summary>
    private static readonly string[] HostOnlyPrefixes =
    [
        "wds.streamis.", "wds.linkis.flink.app.fail-restart.", "wds.linkis.flink.app.start-auto-restore.",
        "wds.linkis.flink.authority", "wds.linkis.flink.alert", "wds.linkis.flink.resource", "wds.linkis.flink.produce",
    ];

    private readonly StateDirectories directories = new(options);

    public string EngineType => "flink-" + options.FlinkVersion;

    public LaunchPlan Build(JobLaunchRequest request, FlinkJobContent content)
    {
        var launchName = StateDirectories.LaunchName(request.ProjectName, request.JobName, request.TaskId);
        var labels = new JsonObject
        {
            ["engineType"] = EngineType,
            ["userCreator"] = $"{request.SubmitUser}-{options.Creator}",
            ["engineConnMode"] = "once",
        };
        if (options.Tenant is { Length: > 0 } tenant) labels["tenant"] = tenant;

        var checkpointing = string.Equals(Value(request, CheckpointSwitch), "ON", StringComparison.OrdinalIgnoreCase);
        var checkpointDirectory = checkpointing ? directories.CheckpointsOf(launchName) : null;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Configuration.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (Translate(key, checkpointing) is { } target) parameters[target] = value;
        }
        if (checkpointDirectory is not null) parameters[FlinkConfigPrefix + "state.checkpoints.dir"] = checkpointDirectory;
        if (content is JarJobContent jar) AddJar(parameters, jar);
        parameters["flink.app.name"] = StateDirectories.ApplicationName(request.ProjectName, request.JobName);
        if (request.RestoreFrom is { Length: > 0 } state) parameters.TryAdd("flink.app.savePointPath", state);
        if (options.LinkisVersion.NeedsLegacyFlinkParameters) parameters = Legacy(parameters);

        var properties = new JsonObject();
        foreach (var (key, value) in parameters) properties[key] = value.Replace(" ", options.SpacePlaceholder, StringComparison.Ordinal);
        properties["label.codeType"] = content.CodeType;

        return new LaunchPlan(launchName, labels, properties, ExecutorContent(request, content), directories.SavepointsOf(launchName), checkpointDirectory);
    }

    /// <summary>The <c>createEngineConn</c> body, once the executor content is in BML.</summary>
    public JsonObject CreateBody(LaunchPlan plan, BmlResource executorContent, JobLaunchRequest request)
    {
        var properties = new JsonObject { ["onceExecutorContent"] = executorContent.OnceExecutorContent };
        foreach (var (key, value) in plan.Properties) properties[key] = value?.DeepClone();
        return new JsonObject
        {
            ["properties"] = properties,
            ["labels"] = plan.Labels.DeepClone(),
            ["createService"] = options.CreateService,
            ["timeOut"] = (long)options.LaunchTimeout.TotalMilliseconds,
            ["description"] = string.Create(CultureInfo.InvariantCulture, $"Streamis job {request.ProjectName}.{request.JobName} {request.Version}, task {request.TaskId}"),
            ["ignoreTimeout"] = true,
        };
    }

    private static string? Value(JobLaunchRequest request, string key) => request.Configuration.TryGetValue(key, out var value) ? value : null;

    /// <summary>Where a configuration key goes in the launch, or null when it stays with the host.</summary>
    private static string? Translate(string key, bool checkpointing)
    {
        if (ResourceKeys.TryGetValue(key, out var renamed)) return renamed;
        if (key.StartsWith(CustomGroup + ".", StringComparison.Ordinal)) return FlinkConfigPrefix + key[(CustomGroup.Length + 1)..];
        // As written in Streamis: the switch itself travels too, as execution.checkpointing.switch.
        if (key.StartsWith(CheckpointPrefix, StringComparison.Ordinal))
            return checkpointing ? FlinkConfigPrefix + "execution.checkpointing." + key[CheckpointPrefix.Length..] : null;
        if (key.StartsWith(SavepointPrefix, StringComparison.Ordinal)) return FlinkConfigPrefix + "execution.savepoint." + key[SavepointPrefix.Length..];
        if (HostOnlyPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal))) return null;
        // Other Linkis keys (the YARN queue, engine settings) are the resource group's pass-through children.
        if (key.StartsWith("wds.linkis.", StringComparison.Ordinal)) return key;
        return key.Length == 0 ? null : FlinkConfigPrefix + key;
    }

    private static void AddJar(Dictionary<string, string> parameters, JarJobContent jar)
    {
        parameters["flink.app.main.class.jar"] = jar.MainJar.FileName!;
        parameters["flink.app.main.class.jar.bml.json"] = jar.MainJar.ToJson().ToJsonString();
        var classPath = new JsonArray();
        if (jar.DependencyJars is { } dependencies)
        {
            parameters["flink.app.user.class.path"] = string.Join(',', dependencies.Select(d => d.FileName));
            foreach (var dependency in dependencies) classPath.Add(dependency.ToJson());
        }
        foreach (var resource in jar.Resources) classPath.Add(resource.ToJson());
        if (classPath.Count > 0) parameters["flink.app.user.class.path.bml.json"] = classPath.ToJsonString();
        if (jar.DependencyJars is null && jar.Resources.Count > 0) parameters["flink.yarn.ship-directories"] = string.Join(',', jar.Resources.Select(r => r.FileName));
        if (jar.HdfsJars.Count > 0) parameters["flink.user.lib.path"] = string.Join(',', jar.HdfsJars);
    }

    /// <summary>Linkis 1.1.1's Flink EngineConn: memory in whole GB (at least 1) and Flink settings without the prefix.</summary>
    private static Dictionary<string, string> Legacy(Dictionary<string, string> parameters)
    {
        var legacy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in parameters)
        {
            var name = key.StartsWith(FlinkConfigPrefix, StringComparison.Ordinal) ? key[FlinkConfigPrefix.Length..] : key;
            legacy[name] = name is TaskManagerMemory or JobManagerMemory ? Gigabytes(key, value) : value;
        }
        return legacy;
    }

    private static string Gigabytes(string key, string megabytes)
    {
        if (!long.TryParse(megabytes.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var mb) || mb <= 0)
        {
            var source = ResourceKeys.FirstOrDefault(pair => pair.Value == key).Key ?? key;
            throw new ArgumentException($"Configuration {source} must be a positive number of MB (Linkis 1.1.1 takes it in GB); it is '{megabytes}'.");
        }
        return Math.Max(1, mb / 1024).ToString(CultureInfo.InvariantCulture);
    }

    private static JsonObject ExecutorContent(JobLaunchRequest request, FlinkJobContent content)
    {
        JsonObject jobContent = content switch
        {
            SqlJobContent sql => new JsonObject { ["code"] = sql.Sql, ["runType"] = "sql" },
            JarJobContent jar => new JsonObject
            {
                ["flink.app.args"] = string.Join(' ', jar.Args),
                ["flink.app.main.class"] = jar.MainClass,
                ["runType"] = "jar",
            },
            _ => throw new ArgumentOutOfRangeException(nameof(content)),
        };
        return new JsonObject
        {
            ["jobContent"] = jobContent,
            ["runtime"] = new JsonObject(),
            ["source"] = new JsonObject { ["project"] = request.ProjectName, ["job"] = request.JobName },
            ["variable"] = new JsonObject(),
        };
    }
}
