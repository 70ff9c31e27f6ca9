namespace Streamis.Workflows.Sdk.Connectors;

/// <summary>
/// A stop that wrote a savepoint and then failed (the kill after the snapshot) still made a state of the job: the
/// launcher attaches it to the exception it throws, keeping that exception's type (and so whether it is retried), and
/// the host records it before the failure goes on, so a retried stop that writes another does not lose the first.
/// </summary>
public static class SavepointTaken
{
    private const string Key = "streamis.savepointTaken";

    /// <summary>Marks <paramref name="exception"/> as thrown after <paramref name="savepoint"/> was written; returns it.</summary>
    public static TException Attach<TException>(TException exception, JobState savepoint) where TException : Exception
    {
        ArgumentNullException.ThrowIfNull(exception);
        exception.Data[Key] = savepoint;
        return exception;
    }

    /// <summary>The savepoint a failed stop had written, if its launcher attached one.</summary>
    public static JobState? Of(Exception exception) => exception.Data[Key] as JobState;
}
