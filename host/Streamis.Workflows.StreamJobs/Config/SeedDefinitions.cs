using Streamis.Workflows.StreamJobs.Entities;

namespace Streamis.Workflows.StreamJobs.Config;

/// <summary>The definition rows Streamis 0.2.0 seeds (§9.1), with its ids, so both databases start alike.</summary>
internal static class SeedDefinitions
{
    private const string MemoryRule = @"^([1-9]\d{0,4}|100000)$";
    private const string SmallRule = @"^([1-9]\d{0,1}|100)$";

    public static IReadOnlyList<ConfigDefinitionEntity> All { get; } =
    [
        Group(1, ConfigKeys.ResourceGroup, "资源配置", sort: 0),
        Leaf(2, "wds.linkis.flink.app.parallelism", "Parallelism", "NUMBER", 1, defaultValue: "4", rule: SmallRule, required: true, sort: 0),
        Leaf(3, "wds.linkis.flink.jobmanager.memory", "JobManager Memory (M)", "NUMBER", 1, defaultValue: "1024", rule: MemoryRule, required: true, sort: 0, unit: "M"),
        Leaf(4, "wds.linkis.flink.taskmanager.memory", "TaskManager Memory (M)", "NUMBER", 1, defaultValue: "4096", rule: MemoryRule, required: true, sort: 0, unit: "M"),
        Leaf(5, "wds.linkis.flink.taskmanager.numberOfTaskSlots", "TaskManager slots", "NUMBER", 1, defaultValue: "2", rule: SmallRule, required: true, sort: 0),
        Leaf(6, "wds.linkis.flink.taskmanager.cpus", "TaskManager CPUs", "NUMBER", 1, defaultValue: "2", rule: SmallRule, required: true, sort: 0),
        Leaf(34, "wds.linkis.rm.yarnqueue", "YARN queue", "INPUT", 1, sort: 0),
        Group(7, ConfigKeys.CustomGroup, "Flink参数", sort: 0),
        Group(8, ConfigKeys.ProduceGroup, "生产配置", sort: 0),
        Leaf(9, ConfigKeys.CheckpointSwitch, "Checkpoint switch", "SELECT", 8, defaultValue: "OFF", options: "ON,OFF", sort: 0),
        Leaf(10, ConfigKeys.SavepointPath, "savepoint path (only when restoring)", "INPUT", 8, sort: 4, isTemp: true),
        Leaf(35, ConfigKeys.FailRestartSwitch, "auto restart on failure", "SELECT", 8, defaultValue: "OFF", options: "ON,OFF", sort: 1),
        Leaf(36, ConfigKeys.StartAutoRestoreSwitch, "restore state on start", "SELECT", 8, defaultValue: "ON", options: "ON,OFF", sort: 2),
        Group(32, ConfigKeys.AuthorityGroup, "权限设置", sort: 0),
        Leaf(33, ConfigKeys.AuthorityVisible, "visible users", "INPUT", 32, sort: 0),
        // The alert rows are parentless level-1 containers in Streamis, so they never appear in the nested JSON.
        Detached(11, "wds.linkis.flink.alert", "alert"),
        Detached(12, "wds.linkis.flink.alert.rule", "alert rule"),
        Detached(13, "wds.linkis.flink.alert.user", "alert user"),
        Detached(14, ConfigKeys.AlertLevel, "alert level"),
        Detached(15, "wds.linkis.flink.alert.failure.level", "failure alert level"),
        Detached(16, ConfigKeys.AlertUser, "failure alert users"),
    ];

    private static ConfigDefinitionEntity Group(long id, string key, string name, int sort) =>
        new() { Id = id, Key = key, Name = name, Type = "NONE", Level = 0, Sort = sort, Visible = true };

    private static ConfigDefinitionEntity Detached(long id, string key, string name) =>
        new() { Id = id, Key = key, Name = name, Type = "NONE", Level = 1, Visible = true };

    private static ConfigDefinitionEntity Leaf(
        long id, string key, string name, string type, long parent, int sort, string? defaultValue = null, string? rule = null,
        string? options = null, bool required = false, bool isTemp = false, string? unit = null) =>
        new()
        {
            Id = id, Key = key, Name = name, Type = type, Level = 1, ParentRef = parent, Sort = sort, DefaultValue = defaultValue,
            ValidateType = rule is null ? null : "Regex", ValidateRule = rule, RefValues = options, Required = required,
            IsTemp = isTemp, Unit = unit, Visible = true,
        };
}
