namespace Streamis.Workflows.Host.Tests.Support;

/// <summary>
/// Tests that change the process environment. xunit runs this collection on its own, after the parallel ones, so
/// no other host reads a variable while it is changed.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}
