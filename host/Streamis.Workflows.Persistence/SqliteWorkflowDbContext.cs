using Microsoft.EntityFrameworkCore;

namespace Streamis.Workflows.Persistence;

/// <summary>The model on SQLite, with its own migrations (Migrations/Sqlite).</summary>
public sealed class SqliteWorkflowDbContext(DbContextOptions<SqliteWorkflowDbContext> options) : WorkflowDbContext(options);
