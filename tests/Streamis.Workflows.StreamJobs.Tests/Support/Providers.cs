using Streamis.Workflows.Persistence;

namespace Streamis.Workflows.StreamJobs.Tests.Support;

/// <summary>Runs a database test on SQLite and on MariaDB (skipped with a reason when no server is configured).</summary>
public sealed class Providers : TheoryData<DatabaseProvider>
{
    public Providers()
    {
        Add(DatabaseProvider.Sqlite);
        Add(DatabaseProvider.MySql);
    }
}
