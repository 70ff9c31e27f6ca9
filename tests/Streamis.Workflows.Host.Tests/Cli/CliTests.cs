using Streamis.Workflows.Host.Tests.StreamisRest;

namespace Streamis.Workflows.Host.Tests.Cli;

/// <summary>The <c>streamis</c> command line against the real host: what an operator sees, and the exit codes scripts rely on.</summary>
public sealed class CliTests(StreamisFixture fixture) : IClassFixture<StreamisFixture>
{
    private Task<CliRun> Run(params string[] args) => CliRun.RunAsync(fixture.Host.CreateClient, args);

    [Fact]
    public async Task Jobs_lists_the_projects_jobs_with_their_status()
    {
        var project = await fixture.ProjectAsync();
        var id = await fixture.JobAsync(project, "orders-etl");

        var run = await Run("jobs", "--project", project, "--user", "admin", "--token", "admin-code");

        Assert.Equal(0, run.ExitCode);
        var row = Assert.Single(run.Output.Split('\n'), line => line.Contains("orders-etl"));
        Assert.Contains(id.ToString(), row);
        Assert.Contains("flink.sql", row);
        Assert.Contains("NotStarted", row);
        Assert.Contains("1 of 1 jobs shown.", run.Output);
    }

    [Fact]
    public async Task Jobs_says_so_when_nothing_matches()
    {
        var project = await fixture.ProjectAsync();

        var run = await Run("jobs", "-p", project, "--name", "nothing-like-this", "--user", "admin", "--token", "admin-code");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"No jobs in project {project} match.", run.Output);
    }

    [Fact]
    public async Task Status_shows_each_jobs_newest_task_status_with_a_bearer_token()
    {
        var project = await fixture.ProjectAsync();
        var id = await fixture.JobAsync(project);

        var run = await Run("status", id.ToString(), "--token", "admin-code");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.Output.Split('\n'), line => line.Contains(id.ToString()) && line.Contains("NotStarted"));
    }

    [Fact]
    public async Task A_refusal_is_the_hosts_message_on_one_line_and_exit_code_1()
    {
        var run = await Run("status", "987654321", "--user", "admin", "--token", "admin-code");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: StreamJob [987654321] does not exist", run.Output);
        Assert.DoesNotContain("   at ", run.Output);
    }

    [Fact]
    public async Task Wrong_credentials_exit_with_4_and_say_how_to_sign_in()
    {
        var run = await Run("jobs", "-p", "any", "--user", "admin", "--token", "not-the-code");

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("did not accept the credentials", run.Output);
        Assert.DoesNotContain("not-the-code", run.Output);
    }

    [Fact]
    public async Task An_unreachable_host_exits_with_3_and_names_it()
    {
        var run = await CliRun.RunAsync(() => new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9") }, "jobs", "-p", "any");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("cannot reach the host at http://127.0.0.1:9/", run.Output);
    }

    [Theory]
    [InlineData("stop", "0")]
    [InlineData("start", "-4")]
    [InlineData("snapshot", "seven")]
    [InlineData("bulk", "explode", "1")]
    [InlineData("logs", "1", "--type", "kernel")]
    [InlineData("logs", "1", "--follow", "--last", "10")]
    [InlineData("bulk", "stop", "1", "--parallelism", "0")]
    [InlineData("jobs")]
    public async Task Bad_command_lines_exit_with_2_before_calling_the_host(params string[] args)
    {
        var called = false;
        var run = await CliRun.RunAsync(() =>
        {
            called = true;
            return fixture.Host.CreateClient();
        }, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error:", run.Output);
        Assert.False(called);
    }

    [Fact]
    public async Task A_host_url_that_is_not_http_is_refused_by_name()
    {
        var run = await Run("jobs", "-p", "x", "--host", "ftp://example");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--host: \"ftp://example\" is not an http(s) URL", run.Output);
    }
}
