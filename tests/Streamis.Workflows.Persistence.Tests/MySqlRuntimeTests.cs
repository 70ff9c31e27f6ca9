namespace Streamis.Workflows.Persistence.Tests;

public sealed class MySqlRuntimeTests : RuntimeContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.MySql;
}
