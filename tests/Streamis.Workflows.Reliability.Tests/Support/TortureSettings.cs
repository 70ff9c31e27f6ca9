using System.Globalization;

namespace Streamis.Workflows.Reliability.Tests.Support;

/// <summary>
/// The crash torture's knobs: STREAMIS_TORTURE_SEED replays a run (its seed is printed), STREAMIS_TORTURE_TRIALS
/// runs more (or fewer) kills than the CI default.
/// </summary>
internal sealed record TortureSettings(int Seed, int Trials)
{
    public const string SeedVariable = "STREAMIS_TORTURE_SEED";
    public const string TrialsVariable = "STREAMIS_TORTURE_TRIALS";

    public static TortureSettings FromEnvironment(int defaultTrials) =>
        new(Number(SeedVariable) ?? Random.Shared.Next(1, 1_000_000), Number(TrialsVariable) ?? defaultTrials);

    /// <summary>The random source of one trial: the same seed and trial always give the same workload and kill delay.</summary>
    public Random ForTrial(int trial) => new(unchecked(Seed * 7919 + trial));

    private static int? Number(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new InvalidOperationException($"{variable} must be a positive whole number, not \"{text}\"")
            : null;
}
