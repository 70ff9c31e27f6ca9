using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Streamis.Workflows.StreamJobs.DesignTime;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without a host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteStreamJobsDbContext>
{
    public SqliteStreamJobsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteStreamJobsDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsHistoryTable(StreamJobsDbContext.MigrationsHistoryTable)).Options);
}
