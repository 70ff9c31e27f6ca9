using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Streamis.Workflows.Persistence;

namespace Streamis.Workflows.Host.Hosting;

/// <summary>Healthy when the workflow database answers a query.</summary>
public sealed class DatabaseHealthCheck(WorkflowDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = database.CreateContext();
            await db.Definitions.AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{database.Options.Provider} reachable");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{database.Options.Provider} unreachable: {e.GetType().Name}");
        }
    }
}
