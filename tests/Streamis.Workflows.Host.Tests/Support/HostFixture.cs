namespace Streamis.Workflows.Host.Tests.Support;

/// <summary>
/// One host shared by the tests of a class. Tests keep out of each other's way with their own definition ids
/// (<see cref="TestWorkflows.UniqueId"/>) and correlation ids.
/// </summary>
public sealed class HostFixture : IDisposable
{
    public HostFactory Host { get; } = new();

    public void Dispose() => Host.Dispose();
}
