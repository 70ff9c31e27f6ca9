namespace Streamis.Workflows.Benchmarks;

/// <summary>Reads a process' resident set from Linux' /proc, which counts what is really in memory (not reserved address space).</summary>
internal static class ResidentSet
{
    public static double OfProcessMb(int processId)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
            var kilobytes = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            return kilobytes / 1024d;
        }
        throw new InvalidOperationException($"/proc/{processId}/status has no VmRSS line");
    }
}
