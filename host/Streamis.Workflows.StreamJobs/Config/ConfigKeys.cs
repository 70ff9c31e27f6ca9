namespace Streamis.Workflows.StreamJobs.Config;

/// <summary>The configuration keys the domain itself reads.</summary>
public static class ConfigKeys
{
    public const string ResourceGroup = "wds.linkis.flink.resource";
    public const string CustomGroup = "wds.linkis.flink.custom";
    public const string ProduceGroup = "wds.linkis.flink.produce";
    public const string AuthorityGroup = "wds.linkis.flink.authority";
    public const string CheckpointSwitch = "wds.linkis.flink.checkpoint.switch";
    public const string SavepointPath = "wds.linkis.flink.savepoint.path";
    public const string FailRestartSwitch = "wds.linkis.flink.app.fail-restart.switch";
    public const string StartAutoRestoreSwitch = "wds.linkis.flink.app.start-auto-restore.switch";
    public const string AuthorityVisible = "wds.linkis.flink.authority.visible";
    public const string AlertUser = "wds.linkis.flink.alert.failure.user";
    public const string AlertLevel = "wds.linkis.flink.alert.level";

    /// <summary>Longest value a job configuration row holds (Streamis' column).</summary>
    public const int MaxValueLength = 500;
}
