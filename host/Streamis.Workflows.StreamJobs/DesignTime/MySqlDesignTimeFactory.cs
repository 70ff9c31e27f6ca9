using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Streamis.Workflows.Persistence;

namespace Streamis.Workflows.StreamJobs.DesignTime;

/// <summary>Lets <c>dotnet ef migrations add</c> build the MySQL model without a server (the version is pinned).</summary>
public sealed class MySqlDesignTimeFactory : IDesignTimeDbContextFactory<MySqlStreamJobsDbContext>
{
    public MySqlStreamJobsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MySqlStreamJobsDbContext>()
            .UseMySql("Server=localhost;Database=design", WorkflowDatabase.MySqlServerVersion,
                o => o.MigrationsHistoryTable(StreamJobsDbContext.MigrationsHistoryTable)).Options);
}
