using System.Globalization;

namespace Streamis.Workflows.Benchmarks.Report;

/// <summary>Whether a figure meets its target, and when it does not, by how much.</summary>
public sealed record TargetCheck(bool? Met, string Text)
{
    public static readonly TargetCheck NotMeasured = new(null, "not measured");

    /// <summary>A figure that must stay under (or at) a limit.</summary>
    public static TargetCheck AtMost(double value, double limit) => value <= limit
        ? new TargetCheck(true, $"met ({Number(value / limit * 100)}% of the limit)")
        : new TargetCheck(false, $"**not met**: {Number((value / limit - 1) * 100)}% over the limit");

    public static TargetCheck Failed(Exception error) => new(false, $"**failed to run**: {error.GetType().Name}: {error.Message.ReplaceLineEndings(" ")}");

    public static string Number(double value) => value switch
    {
        >= 100 => value.ToString("#,0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.00", CultureInfo.InvariantCulture),
    };
}
