using Microsoft.EntityFrameworkCore;
using Streamis.Workflows.Persistence;

namespace Streamis.Workflows.StreamJobs;

/// <summary>Builds stream-job contexts on the workflow database's provider and connection, and migrates them.</summary>
public sealed class StreamJobsDatabase
{
    private readonly DbContextOptions<SqliteStreamJobsDbContext>? sqliteOptions;
    private readonly DbContextOptions<MySqlStreamJobsDbContext>? mySqlOptions;

    public StreamJobsDatabase(WorkflowDatabase database)
    {
        Workflow = database;
        if (database.IsSqlite)
        {
            sqliteOptions = new DbContextOptionsBuilder<SqliteStreamJobsDbContext>()
                .UseSqlite(database.ConnectionString, o => o
                    .MigrationsAssembly(typeof(StreamJobsDatabase).Assembly.FullName)
                    .MigrationsHistoryTable(StreamJobsDbContext.MigrationsHistoryTable))
                .Options;
        }
        else
        {
            mySqlOptions = new DbContextOptionsBuilder<MySqlStreamJobsDbContext>()
                .UseMySql(database.ConnectionString, WorkflowDatabase.MySqlServerVersion, o => o
                    .MigrationsAssembly(typeof(StreamJobsDatabase).Assembly.FullName)
                    .MigrationsHistoryTable(StreamJobsDbContext.MigrationsHistoryTable))
                .Options;
        }
    }

    public WorkflowDatabase Workflow { get; }

    public bool IsSqlite => Workflow.IsSqlite;

    public StreamJobsDbContext CreateContext() => sqliteOptions is not null
        ? new SqliteStreamJobsDbContext(sqliteOptions)
        : new MySqlStreamJobsDbContext(mySqlOptions!);

    /// <summary>Applies pending stream-job migrations (unless the workflow database turns migrations off).</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (!Workflow.Options.ApplyMigrations) return;
        await using var context = CreateContext();
        await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }
}
