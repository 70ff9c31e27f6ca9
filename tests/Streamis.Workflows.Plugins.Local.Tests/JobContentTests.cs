using Streamis.Workflows.Plugins.Local.Tests.Support;

namespace Streamis.Workflows.Plugins.Local.Tests;

public sealed class JobContentTests : LocalEngineTest
{
    [Fact]
    public void Empty_content_takes_the_defaults()
    {
        Assert.Equal(new LocalJobContent(10, 5, 3, null), LocalJobContent.Parse(""));
        Assert.Equal(new LocalJobContent(10, 5, 3, null), LocalJobContent.Parse("{}"));
    }

    [Fact]
    public void Every_field_is_read_whatever_its_case()
    {
        var content = LocalJobContent.Parse("""{"Rate": 2.5, "checkpointIntervalSeconds": 0.5, "retainedCheckpoints": 1, "MAXEVENTS": 100}""");

        Assert.Equal(new LocalJobContent(2.5, 0.5, 1, 100), content);
    }

    [Theory]
    [InlineData("""{"rate": "fast"}""", "field 'rate' must be a number of events per second, from 0.01 to 100000; got \"fast\"")]
    [InlineData("""{"rate": 0.001}""", "field 'rate' must be")]
    [InlineData("""{"rate": 1000000}""", "field 'rate' must be")]
    [InlineData("""{"checkpointIntervalSeconds": 0.01}""", "field 'checkpointIntervalSeconds' must be a number of seconds, from 0.1 to 86400; got 0.01")]
    [InlineData("""{"retainedCheckpoints": 1.5}""", "field 'retainedCheckpoints' must be a whole number from 1 to 100")]
    [InlineData("""{"maxEvents": -3}""", "field 'maxEvents' must be a whole number of events")]
    [InlineData("""{"rat": 20}""", "unknown field 'rat'; the fields are rate, checkpointIntervalSeconds, retainedCheckpoints, maxEvents")]
    [InlineData("""[20]""", "must be a JSON object")]
    [InlineData("""SELECT * FROM t""", "is not valid JSON")]
    public async Task Bad_content_is_refused_before_anything_starts_with_a_message_naming_the_problem(string content, string expected)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => LaunchAsync(Request(30, 1, content)));

        Assert.StartsWith("The local job's content ", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.False(Directory.Exists(Path.Combine(DataDirectory, "jobs", "30")));
    }

    [Fact]
    public async Task A_job_of_another_type_is_refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => LaunchAsync(Request(31, 1) with { JobType = "flink.sql" }));

        Assert.Contains("runs jobs of type 'local', not 'flink.sql'", error.Message);
    }
}
