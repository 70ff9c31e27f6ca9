using System.Security.Cryptography;
using Streamis.Workflows.Plugins.Local.Tests.Support;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Local.Tests;

/// <summary>The files a local job's content names reach its runner, as a Flink job's shipped resources reach its containers.</summary>
public sealed class ResourceTests : LocalEngineTest
{
    private JobLaunchRequest RequestWith(long jobId, string content, params (string Name, string Text)[] files)
    {
        var resources = files.Select(f =>
        {
            var path = Path.Combine(DataDirectory, "host-files", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, f.Text);
            return new JobResourceFile(f.Name, "1.0", path);
        }).ToList();
        return Request(jobId, 1, content) with { Resources = resources };
    }

    [Fact]
    public async Task A_named_resource_is_copied_into_the_task_and_the_runner_reads_it_before_running()
    {
        const string Lookup = "id,name\n1,one\n";
        var handle = await LaunchAsync(RequestWith(30, """{"rate": 50, "resources": ["lookup.csv"]}""", ("lookup.csv", Lookup), ("unused.txt", "x")));
        await UntilStatusAsync(handle, StreamTaskStatus.Running);

        var copy = Path.Combine(handle.Get("workDir")!, LocalJobLauncher.ResourceFolder, "lookup.csv");
        Assert.Equal(Lookup, await File.ReadAllTextAsync(copy));
        Assert.False(File.Exists(Path.Combine(handle.Get("workDir")!, LocalJobLauncher.ResourceFolder, "unused.txt")));
        var log = await Logs.FetchAsync(handle, new JobLogRequest("client", OnlyKeywords: "Resource"), CancellationToken.None);
        var sha = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Lookup)))[..16];
        Assert.Contains(log.Lines, line => line.Contains($"Resource lookup.csv: {Lookup.Length} bytes, sha256 {sha}"));
    }

    [Fact]
    public async Task A_resource_the_launch_does_not_carry_is_refused_naming_it_and_nothing_starts()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => LaunchAsync(RequestWith(31, """{"resources": ["missing.csv"]}""", ("other.csv", "x"))));

        Assert.Contains("jobContent.resources names 'missing.csv'", error.Message);
        Assert.Contains("project demo", error.Message);
        Assert.False(File.Exists(Path.Combine(DataDirectory, "jobs", "31", "tasks", "1", "launch.json")));
    }

    [Theory]
    [InlineData("""{"resources": "lookup.csv"}""", "field 'resources' must be a list of file names")]
    [InlineData("""{"resources": ["../escape.csv"]}""", "not a plain file name")]
    public async Task A_bad_resources_field_is_named(string content, string expected)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => LaunchAsync(RequestWith(32, content, ("../escape.csv", "x"))));
        Assert.Contains(expected, error.Message);
    }
}
