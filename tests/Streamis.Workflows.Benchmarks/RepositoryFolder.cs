namespace Streamis.Workflows.Benchmarks;

/// <summary>The checkout this benchmark assembly was built from: the first folder above it that holds the solution.</summary>
internal static class RepositoryFolder
{
    public static string? Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Streamis.Workflows.sln"))) return folder.FullName;
        return null;
    }
}
