using System.Security.Cryptography;
using System.Text;

namespace Streamis.Workflows.Engine.Runtime;

/// <summary>The lookup key of a bookmark: a stable hash of its name and key, so long keys index cheaply.</summary>
public static class BookmarkHash
{
    public static string Of(string name, string? key) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{name}\n{key}")), 0, 16).ToLowerInvariant();
}
