using System.Text.Json.Nodes;

namespace Streamis.Workflows.Plugins.Linkis.Launch;

/// <summary>
/// A launch as Linkis will receive it: labels, startup properties (all but the BML reference of the content), the
/// once-executor content to upload, and the task's state folders.
/// </summary>
internal sealed record LaunchPlan(
    string LaunchName,
    JsonObject Labels,
    JsonObject Properties,
    JsonObject ExecutorContent,
    string SavepointDirectory,
    string? CheckpointDirectory);
