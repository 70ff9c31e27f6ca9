namespace Streamis.Workflows.Persistence.Tests;

public sealed class SqliteRuntimeTests : RuntimeContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}
