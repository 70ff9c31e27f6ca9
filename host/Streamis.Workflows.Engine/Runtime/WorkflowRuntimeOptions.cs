namespace Streamis.Workflows.Engine.Runtime;

public sealed class WorkflowRuntimeOptions
{
    /// <summary>This node's name in leases and journal lines; unique per process.</summary>
    public string NodeId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Instances this node runs at once.</summary>
    public int Workers { get; set; } = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>How long a lease lasts without renewal; a dead node's instances are taken over after this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest sleep of the dispatcher, so work queued by another node is noticed. Local work wakes it at once.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often stranded Running instances are looked for.</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Finished instances older than this are pruned with their journals; null keeps them.</summary>
    public TimeSpan? Retention { get; set; }

    /// <summary>
    /// How long a start may reuse a definition lookup. A publish on this node is seen at once (the API forgets
    /// the entry); one on another node within this time.
    /// </summary>
    public TimeSpan DefinitionCacheDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A run that keeps going (a bulk operation's branches awaiting the engine one after another, their polls resumed
    /// in the same run) commits at least this often, so a crash loses no more than this much progress.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Prune faulted instances too (they can no longer be retried once pruned).</summary>
    public bool PruneFaulted { get; set; }
}
