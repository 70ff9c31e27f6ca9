namespace Streamis.Workflows.Persistence;

/// <summary>
/// When SQLite waits for the disk (its <c>synchronous</c> setting, on the WAL journal). <see cref="Normal"/> keeps every
/// commit through a crash of the host process and never corrupts the file; a power loss or an operating-system crash may
/// lose the last commits. <see cref="Full"/> keeps those too, at one disk flush per commit (≈3.5 ms here, and SQLite
/// writes one at a time), which caps a busy host at a few hundred commits a second.
/// </summary>
public enum SqliteSynchronous
{
    Normal,
    Full,
}
