using System.Reflection;

namespace Streamis.Workflows.Reliability.Tests.Support;

/// <summary>Where the host this test project builds (through its project reference) put its dll.</summary>
internal static class BuiltHost
{
    public static string Dll
    {
        get
        {
            var path = typeof(BuiltHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "HostDll").Value!;
            return File.Exists(path) ? path : throw new InvalidOperationException($"The host is not built at {path}: build this test project (it builds the host).");
        }
    }
}
