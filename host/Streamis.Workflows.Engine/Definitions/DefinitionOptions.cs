namespace Streamis.Workflows.Engine.Definitions;

public sealed class DefinitionOptions
{
    /// <summary>
    /// Commit the state after every activity, not only when the workflow suspends or ends: for long procedures
    /// whose activities are expensive to repeat after a crash.
    /// </summary>
    public bool CommitEachActivity { get; set; }

    /// <summary>At most this many activities of one instance awaiting I/O at once.</summary>
    public int? MaxConcurrency { get; set; }
}
