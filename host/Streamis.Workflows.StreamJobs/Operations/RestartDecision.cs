namespace Streamis.Workflows.StreamJobs.Operations;

/// <summary>What to do about a failed job: restart it after <see cref="Backoff"/>, give up, or nothing (switch off, already running again).</summary>
public sealed record RestartDecision(RestartVerdict Verdict, int FailuresInWindow, TimeSpan Backoff, string Reason);
