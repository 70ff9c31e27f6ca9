using System.Text;

namespace Streamis.Workflows.Host.Tests.StreamisRest;

/// <summary>Input no caller should send to the Streamis endpoints: always an envelope with status 1, never a 500 or a stack.</summary>
public class StreamisHostileInputTests(StreamisFixture fixture) : IClassFixture<StreamisFixture>
{
    public static TheoryData<string> BodyEndpoints => new()
    {
        "/streamJobManager/job/createOrUpdate",
        "/streamJobManager/config/json/1",
    };

    private static string Deep(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    [Theory]
    [MemberData(nameof(BodyEndpoints))]
    public async Task Deep_huge_or_mistyped_bodies_are_refused_in_the_envelope(string path)
    {
        var project = await fixture.ProjectAsync();
        var jobId = await fixture.JobAsync(project);
        var url = StreamisFixture.Base + path.Replace("/json/1", $"/json/{jobId}", StringComparison.Ordinal);
        var admin = fixture.As("admin");
        var bodies = new[]
        {
            Deep(40), Deep(5000), new string('[', 100_000) + new string(']', 100_000), "\"just a string\"", "null", "{\"a\":",
            "{\"x\":\"" + new string('x', 5 * 1024 * 1024) + "\"}",
            $"{{\"projectName\":\"{project}\",\"jobName\":\"{new string('n', 5000)}\",\"jobType\":\"flink.sql\",\"jobContent\":{{\"type\":\"sql\",\"sql\":\"s\"}}}}",
            $"{{\"projectName\":\"{project}\",\"jobName\":\"../x\",\"jobType\":\"flink.sql\",\"jobContent\":{{\"type\":\"nope\"}}}}",
            $"{{\"projectName\":[1],\"jobName\":{{}},\"jobType\":true,\"jobContent\":\"sql\"}}",
            $"{{\"projectName\":\"{project}\",\"projectName\":\"other\",\"jobName\":\"j\",\"jobType\":\"flink.sql\"}}",
        };
        foreach (var text in bodies)
        {
            var response = await admin.PostAsync(url, new StringContent(text, Encoding.UTF8, "application/json"));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode is 200 or 400, $"{text[..Math.Min(40, text.Length)]}: {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
            Assert.Contains("\"status\":1", body);
            Assert.DoesNotContain("   at ", body);
        }
    }
}
