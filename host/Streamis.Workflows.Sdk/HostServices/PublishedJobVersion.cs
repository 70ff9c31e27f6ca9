namespace Streamis.Workflows.Sdk.HostServices;

public sealed record PublishedJobVersion(long JobId, string Version, bool Created);
