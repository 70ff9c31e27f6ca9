namespace Streamis.Workflows.Designer.Tests.Support;

/// <summary>The checkout the tests were built from, found by walking up to the solution file.</summary>
public static class RepositoryFolder
{
    public static string Root { get; } = Find();

    public static string Designer => Path.Combine(Root, "host", "designer");

    public static string Workflows => Path.Combine(Root, "workflows");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Streamis.Workflows.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Streamis.Workflows.sln above {AppContext.BaseDirectory}");
    }
}
