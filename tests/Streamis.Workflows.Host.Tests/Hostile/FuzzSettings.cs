using System.Globalization;

namespace Streamis.Workflows.Host.Tests.Hostile;

/// <summary>
/// How much to fuzz and from which seed: STREAMIS_FUZZ_SEED and STREAMIS_FUZZ_COUNT override the CI defaults. The
/// default seed is fixed so CI is repeatable; a failure names the seed and the case number, and STREAMIS_FUZZ_CASE
/// sends that one case alone.
/// </summary>
public sealed record FuzzSettings(int Seed, int Count, int? OnlyCase = null)
{
    public const int DefaultSeed = 20_260_111;
    public const int DefaultCount = 5_000;

    public static FuzzSettings FromEnvironment() => new(
        Read("STREAMIS_FUZZ_SEED") ?? DefaultSeed,
        Read("STREAMIS_FUZZ_COUNT") ?? DefaultCount,
        Read("STREAMIS_FUZZ_CASE"));

    /// <summary>The case numbers to send.</summary>
    public IEnumerable<int> Cases => OnlyCase is { } only ? [only] : Enumerable.Range(0, Count);

    /// <summary>The random source of one case: the same seed and number give the same request, whatever ran before.</summary>
    public Random CaseRandom(int number) => new(unchecked((Seed * 1_000_003) ^ (number * 7_919)));

    private static int? Read(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
