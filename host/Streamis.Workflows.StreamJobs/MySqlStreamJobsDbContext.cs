using Microsoft.EntityFrameworkCore;

namespace Streamis.Workflows.StreamJobs;

/// <summary>The stream-job model on MySQL/MariaDB (Pomelo), with its own migrations (Migrations/MySql).</summary>
public sealed class MySqlStreamJobsDbContext(DbContextOptions<MySqlStreamJobsDbContext> options) : StreamJobsDbContext(options);
