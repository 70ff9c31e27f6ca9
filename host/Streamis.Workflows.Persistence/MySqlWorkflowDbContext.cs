using Microsoft.EntityFrameworkCore;

namespace Streamis.Workflows.Persistence;

/// <summary>The model on MySQL/MariaDB (Pomelo), with its own migrations (Migrations/MySql).</summary>
public sealed class MySqlWorkflowDbContext(DbContextOptions<MySqlWorkflowDbContext> options) : WorkflowDbContext(options);
