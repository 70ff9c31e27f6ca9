using System.Globalization;

namespace Streamis.Workflows.Plugins.Linkis.Gateway;

/// <summary>
/// A Linkis release (<c>1.1.1</c>, <c>1.1.3</c>), compared as Streamis does (major*10000 + minor*100 + patch): what the
/// EngineConns of that release accept differs (memory units and config prefix up to 1.1.1, savepoints from 1.1.2, YARN
/// logs through the ECM from 1.1.3).
/// </summary>
internal sealed record LinkisVersion(int Major, int Minor, int Patch)
{
    public static readonly LinkisVersion Default = new(1, 1, 3);

    private int Number => Major * 10000 + Minor * 100 + Patch;

    /// <summary>Flink EngineConns of Linkis 1.1.1 and older take memory in GB and Flink settings without the <c>_FLINK_CONFIG_.</c> prefix.</summary>
    public bool NeedsLegacyFlinkParameters => Number <= 10101;

    /// <summary>The Flink EngineConn's <c>doSavepoint</c> operation appeared in Linkis 1.1.2.</summary>
    public bool HasSavepointOperation => Number >= 10102;

    /// <summary>The ECM's <c>engineConnYarnLog</c> operation appeared in Linkis 1.1.3.</summary>
    public bool HasYarnLogOperation => Number >= 10103;

    public static bool TryParse(string? text, out LinkisVersion version)
    {
        version = Default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        // Release names carry suffixes ("1.1.3-wds", "release-1.1.1"); the three numbers are what count.
        var trimmed = text.Trim();
        if (trimmed.StartsWith("release-", StringComparison.OrdinalIgnoreCase)) trimmed = trimmed["release-".Length..];
        var numbers = trimmed.Split('-', 2)[0].Split('.');
        if (numbers.Length is < 2 or > 3) return false;
        var parts = new int[3];
        for (var i = 0; i < numbers.Length; i++)
        {
            if (!int.TryParse(numbers[i], NumberStyles.None, CultureInfo.InvariantCulture, out parts[i]) || parts[i] > 99) return false;
        }
        version = new LinkisVersion(parts[0], parts[1], parts[2]);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");
}
