namespace Streamis.Workflows.Cli;

/// <summary>What the process exit code says, for scripts that chain commands.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The host refused or the operation failed (for a bulk run: at least one job failed).</summary>
    public const int Failed = 1;

    /// <summary>The command line itself is wrong.</summary>
    public const int Usage = 2;

    /// <summary>The host could not be reached, or did not answer in time.</summary>
    public const int Unreachable = 3;

    /// <summary>The host did not accept the credentials.</summary>
    public const int Unauthorized = 4;
}
