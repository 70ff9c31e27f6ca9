using System.Globalization;
using Streamis.Workflows.StreamJobs.Operations;

namespace Streamis.Workflows.Host.Hosting;

/// <summary>
/// Starts the monitor workflow once per tick (Operations:Monitor:Interval). Ticks fall on multiples of the interval
/// since the Unix epoch and each tick's instance id is derived from its time, so hosts sharing a database compute the
/// same id for the same tick and the store's unique instance id lets only the first of them start it.
/// </summary>
public sealed class MonitorScheduler(IWorkflowStarter starter, OperationsOptions options, TimeProvider clock, ILogger<MonitorScheduler> logger) : BackgroundService
{
    public const string DefinitionId = "monitor";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Monitor;
        if (!settings.Enabled)
        {
            logger.LogInformation("The job monitor is off on this node (Operations:Monitor:Enabled)");
            return;
        }
        var last = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            // A timer may fire a little early; counting from the last tick keeps it from being taken twice.
            var now = clock.GetUtcNow();
            var tick = NextTick(now > last ? now : last, settings.Interval);
            last = tick;
            try
            {
                await Task.Delay(tick - now, clock, stoppingToken);
                await TickAsync(tick, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The next tick tries again; a database hiccup must not end the monitor for good.
                logger.LogError(e, "Monitor tick at {Tick} could not be started", tick);
            }
        }
    }

    /// <summary>Starts the tick's monitor instance unless a node already has; true when this call started it.</summary>
    public async Task<bool> TickAsync(DateTimeOffset tick, CancellationToken cancellationToken)
    {
        var id = InstanceIdOf(tick);
        var started = await starter.StartAsync(DefinitionId, new Dictionary<string, object?>(), id, DefinitionId, cancellationToken);
        if (started) logger.LogDebug("Started monitor tick {InstanceId}", id);
        else logger.LogDebug("Monitor tick {InstanceId} was started by another node", id);
        return started;
    }

    public static string InstanceIdOf(DateTimeOffset tick) => "monitor-" + tick.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>The first multiple of <paramref name="interval"/> since the epoch after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextTick(DateTimeOffset now, TimeSpan interval)
    {
        var ticks = now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return DateTimeOffset.UnixEpoch.AddTicks((ticks / interval.Ticks + 1) * interval.Ticks);
    }
}
