namespace Streamis.Workflows.Reliability.Tests.Support;

/// <summary>A line for the test's output and the console, so the seed and the figures show in CI logs too.</summary>
internal static class TestLog
{
    public static void Write(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        Console.WriteLine(line);
    }
}
