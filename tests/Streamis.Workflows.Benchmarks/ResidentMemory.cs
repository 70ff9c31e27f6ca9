using System.Globalization;

namespace Streamis.Workflows.Benchmarks;

/// <summary>
/// A process' resident set from Linux' /proc (what is really in memory, not reserved address space), in MB: the total
/// (VmRSS), and of it the anonymous pages (GC heap, stacks, native allocations), the file-backed ones (mapped assemblies
/// and libraries) and the shared ones (in .NET mostly executable memory, double-mapped under W^X).
/// </summary>
public sealed record ResidentMemory(double TotalMb, double AnonymousMb, double FileMb, double SharedMb)
{
    public static ResidentMemory Of(int processId)
    {
        var fields = File.ReadLines($"/proc/{processId}/status")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0] is "VmRSS" or "RssAnon" or "RssFile" or "RssShmem")
            .ToDictionary(parts => parts[0], parts => long.Parse(parts[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024d);
        if (!fields.TryGetValue("VmRSS", out var total)) throw new InvalidOperationException($"/proc/{processId}/status has no VmRSS line");
        return new ResidentMemory(total, fields.GetValueOrDefault("RssAnon"), fields.GetValueOrDefault("RssFile"), fields.GetValueOrDefault("RssShmem"));
    }

    public override string ToString() => $"{TotalMb:0} MB resident ({AnonymousMb:0} MB anonymous, {FileMb:0} MB file-backed, {SharedMb:0} MB shared)";
}
