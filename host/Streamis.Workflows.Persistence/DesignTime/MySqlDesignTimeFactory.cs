using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Streamis.Workflows.Persistence.DesignTime;

/// <summary>Lets <c>dotnet ef migrations add</c> build the MySQL model without a server (the version is pinned).</summary>
public sealed class MySqlDesignTimeFactory : IDesignTimeDbContextFactory<MySqlWorkflowDbContext>
{
    public MySqlWorkflowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MySqlWorkflowDbContext>().UseMySql("Server=localhost;Database=design", WorkflowDatabase.MySqlServerVersion).Options);
}
