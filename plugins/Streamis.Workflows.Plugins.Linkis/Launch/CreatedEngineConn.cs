namespace Streamis.Workflows.Plugins.Linkis.Launch;

/// <summary>What <c>createEngineConn</c> answers: the ticket, the EngineConn, its manager and its first status.</summary>
internal sealed record CreatedEngineConn(string TicketId, Gateway.ServiceInstance EngineConn, Gateway.ServiceInstance Manager, string NodeStatus);
