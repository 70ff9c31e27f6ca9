using System.Text.Json.Nodes;
using WireMock;

namespace Streamis.Workflows.Simulation;

/// <summary>
/// The YARN ResourceManager REST API (<c>/ws/v1/cluster/apps/{id}</c>, <c>…/appattempts</c>) and the NodeManager's
/// container logs (<c>/ws/v1/node/containers/{id}/logs/{file}</c>) for the EngineConns' applications.
/// </summary>
public sealed partial class LinkisSimulation
{
    /// <summary>The log file of the application master's container the NodeManager serves.</summary>
    public const string ApplicationMasterLog = "jobmanager.log";

    public SimulatedYarnApplication YarnApplication(string applicationId) =>
        byApplication.TryGetValue(applicationId, out var engineConn) ? engineConn.Application : throw new KeyNotFoundException($"No simulated YARN application {applicationId}.");

    private ResponseMessage AnswerYarn(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // ws v1 cluster apps {id} [appattempts]
        if (segments is [_, _, "cluster", "apps", var id, ..])
        {
            if (!byApplication.TryGetValue(id, out var engineConn)) return NotFound($"app with id: {id} not found");
            var application = engineConn.Application;
            var node = new Uri(Url).Authority;
            if (segments.Length == 6 && segments[5] == "appattempts")
            {
                return Json(200, new JsonObject
                {
                    ["appAttempts"] = new JsonObject
                    {
                        ["appAttempt"] = new JsonArray(new JsonObject
                        {
                            ["id"] = 1,
                            ["startTime"] = application.StartedTime,
                            ["containerId"] = application.ContainerId,
                            ["nodeHttpAddress"] = node,
                            ["nodeId"] = "sim-nm-1:45454",
                            ["logsLink"] = $"{Url}/node/containerlogs/{application.ContainerId}/{application.User}",
                        }),
                    },
                });
            }
            return Json(200, new JsonObject
            {
                ["app"] = new JsonObject
                {
                    ["id"] = application.Id,
                    ["user"] = application.User,
                    ["name"] = application.Name,
                    ["queue"] = application.Queue,
                    ["state"] = application.State,
                    ["finalStatus"] = application.FinalStatus,
                    ["progress"] = application.State == "RUNNING" ? 50.0 : 100.0,
                    ["trackingUrl"] = application.TrackingUrl,
                    ["diagnostics"] = application.Diagnostics ?? "",
                    ["applicationType"] = "Apache Flink",
                    ["startedTime"] = application.StartedTime,
                    ["amContainerLogs"] = $"{Url}/node/containerlogs/{application.ContainerId}/{application.User}",
                    ["amHostHttpAddress"] = node,
                },
            });
        }
        // ws v1 node containers {container} logs {file}
        if (segments is [_, _, "node", "containers", var container, "logs", var file])
        {
            if (!byContainer.TryGetValue(container, out var owner) || file != ApplicationMasterLog) return NotFound($"Cannot find this log on the local disk: {container}/{file}");
            return Text(200, string.Join('\n', owner.Application.Log) + "\n", "text/plain");
        }
        return NotFound("no such resource " + path);
    }

    private static ResponseMessage NotFound(string message) => Json(404, new JsonObject
    {
        ["RemoteException"] = new JsonObject
        {
            ["exception"] = "NotFoundException",
            ["message"] = "java.lang.Exception: " + message,
            ["javaClassName"] = "org.apache.hadoop.yarn.webapp.NotFoundException",
        },
    });
}
