namespace Streamis.Workflows.Engine.Tests.Support;

/// <summary>Services that are down; <see cref="CallService"/> fails while its service is listed here.</summary>
public static class ServiceOutages
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> down = new();

    public static void Begin(string service) => down[service] = true;

    public static void End(string service) => down.TryRemove(service, out _);

    public static bool IsDown(string service) => down.ContainsKey(service);
}
