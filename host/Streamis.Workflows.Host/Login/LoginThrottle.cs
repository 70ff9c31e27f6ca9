using System.Collections.Concurrent;

namespace Streamis.Workflows.Host.Login;

/// <summary>
/// Slows password guessing: after <see cref="LoginOptions.FailuresBeforeHold"/> failures in a row for a user name,
/// every attempt for it is refused unchecked for a hold that doubles with each further failure. Kept per node, in memory.
/// </summary>
public sealed class LoginThrottle(LoginOptions options, TimeProvider clock)
{
    private const int MaxTracked = 10_000;

    private readonly ConcurrentDictionary<string, Failures> failures = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long the user name is still held off, or null when it may try.</summary>
    public TimeSpan? HeldFor(string userName) =>
        failures.TryGetValue(userName, out var f) && f.Until is { } until && until > clock.GetUtcNow() ? until - clock.GetUtcNow() : null;

    public void Failed(string userName)
    {
        if (failures.Count >= MaxTracked) Prune();
        failures.AddOrUpdate(userName, _ => Next(0), (_, f) => Next(f.Count));
    }

    public void Succeeded(string userName) => failures.TryRemove(userName, out _);

    private Failures Next(int count)
    {
        count++;
        var over = count - options.FailuresBeforeHold;
        if (over < 0) return new Failures(count, null);
        var hold = TimeSpan.FromTicks(Math.Min(options.MaxHold.Ticks, options.FirstHold.Ticks * (1L << Math.Min(over, 20))));
        return new Failures(count, clock.GetUtcNow() + hold);
    }

    private void Prune()
    {
        var now = clock.GetUtcNow();
        foreach (var (name, f) in failures)
            if (f.Until is null || f.Until <= now) failures.TryRemove(name, out _);
    }

    private sealed record Failures(int Count, DateTimeOffset? Until);
}
