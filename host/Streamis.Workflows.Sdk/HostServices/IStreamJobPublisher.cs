using System.Security.Claims;

namespace Streamis.Workflows.Sdk.HostServices;

/// <summary>Turns a Flink SQL publication (a DSS workflow published to Streamis) into a new version of a stream job.</summary>
public interface IStreamJobPublisher
{
    /// <summary>
    /// Creates the job or adds a version, as the user <see cref="FlinkSqlPublication.PublishUser"/> (the caller when
    /// not given; only a host admin may publish for someone else). Refusals are <see cref="HostRefusalException"/>s.
    /// </summary>
    Task<PublishedJobVersion> PublishFlinkSqlAsync(FlinkSqlPublication publication, ClaimsPrincipal caller, CancellationToken cancellationToken);
}
