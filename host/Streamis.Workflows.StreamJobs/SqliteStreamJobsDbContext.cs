using Microsoft.EntityFrameworkCore;

namespace Streamis.Workflows.StreamJobs;

/// <summary>The stream-job model on SQLite, with its own migrations (Migrations/Sqlite).</summary>
public sealed class SqliteStreamJobsDbContext(DbContextOptions<SqliteStreamJobsDbContext> options) : StreamJobsDbContext(options);
