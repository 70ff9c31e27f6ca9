using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Streamis.Workflows.Persistence;

namespace Streamis.Workflows.StreamJobs;

/// <summary>Builds stream-job contexts on the workflow database's provider and connection, and migrates them.</summary>
public sealed class StreamJobsDatabase
{
    // Pooled: activities open a context per call, and a new one each time costs more than the query it runs.
    private readonly PooledDbContextFactory<SqliteStreamJobsDbContext>? sqlitePool;
    private readonly PooledDbContextFactory<MySqlStreamJobsDbContext>? mySqlPool;

    public StreamJobsDatabase(WorkflowDatabase database)
    {
        Workflow = database;
        if (database.IsSqlite)
        {
            sqlitePool = new(new DbContextOptionsBuilder<SqliteStreamJobsDbContext>()
                .UseSqlite(database.ConnectionString, o => o
                    .MigrationsAssembly(typeof(StreamJobsDatabase).Assembly.FullName)
                    .MigrationsHistoryTable(StreamJobsDbContext.MigrationsHistoryTable))
                .AddInterceptors(database.SqlitePragmas!)
                .Options);
        }
        else
        {
            mySqlPool = new(new DbContextOptionsBuilder<MySqlStreamJobsDbContext>()
                .UseMySql(database.ConnectionString, WorkflowDatabase.MySqlServerVersion, o => o
                    .MigrationsAssembly(typeof(StreamJobsDatabase).Assembly.FullName)
                    .MigrationsHistoryTable(StreamJobsDbContext.MigrationsHistoryTable))
                .Options);
        }
    }

    public WorkflowDatabase Workflow { get; }

    public bool IsSqlite => Workflow.IsSqlite;

    public StreamJobsDbContext CreateContext() => sqlitePool is not null ? sqlitePool.CreateDbContext() : mySqlPool!.CreateDbContext();

    /// <summary>Applies pending stream-job migrations (unless the workflow database turns migrations off).</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (!Workflow.Options.ApplyMigrations) return;
        await using var context = CreateContext();
        await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }
}
