using System.ComponentModel;
using System.Diagnostics;

namespace Streamis.Workflows.Plugins.Local.Protocol;

/// <summary>
/// A process known by its id and start time: an id alone may have been reused by an unrelated process since it was
/// recorded (after a reboot, or simply much later), the pair may not.
/// </summary>
internal static class ProcessIdentity
{
    // Two reads of one process' start time can differ by clock-tick rounding and the boot-time estimate; a reused
    // id would also have to start within this window.
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(1);

    public static DateTimeOffset StartTimeOf(Process process) => new(process.StartTime.ToUniversalTime(), TimeSpan.Zero);

    public static bool IsAlive(int processId, DateTimeOffset startTime)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            if (process.HasExited || IsZombie(processId)) return false;
            return (StartTimeOf(process) - startTime).Duration() <= Tolerance;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or Win32Exception or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>Kills the process and its children if it is still the one recorded; false when it was already gone.</summary>
    public static bool Kill(int processId, DateTimeOffset startTime)
    {
        if (!IsAlive(processId, startTime)) return false;
        try
        {
            using var process = Process.GetProcessById(processId);
            process.Kill(entireProcessTree: true);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or Win32Exception)
        {
            return false;
        }
    }

    // An exited child that nobody has reaped yet still answers to its id on Linux; it is dead all the same.
    private static bool IsZombie(int processId)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            var end = stat.LastIndexOf(')');
            return end >= 0 && end + 2 < stat.Length && stat[end + 2] is 'Z' or 'X';
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
