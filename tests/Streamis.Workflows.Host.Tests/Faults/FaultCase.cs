namespace Streamis.Workflows.Host.Tests.Faults;

/// <summary>One row of the table: an operation of the host, the outbound call that meets the fault, and what must follow.</summary>
public sealed record FaultCase(string Operation, string Call, FaultKind Fault, Expected Expected)
{
    public override string ToString() => $"{Operation} / {Call} / {Fault} -> {Expected}";
}
