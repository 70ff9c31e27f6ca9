using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Streamis.Workflows.Host.Tests.Support;
using Xunit.Abstractions;

namespace Streamis.Workflows.Host.Tests.Hostile;

/// <summary>
/// Thousands of generated malformed requests against every endpoint of the real host on a loopback port: no 5xx, every
/// error readable, nothing of the host's insides shown, no file outside the data folder, and the host still works.
/// Replay a failure with STREAMIS_FUZZ_SEED (and STREAMIS_FUZZ_COUNT above its case number).
/// </summary>
public sealed class HostileInputFuzzTests(FuzzHost host, ITestOutputHelper output) : IClassFixture<FuzzHost>
{
    /// <summary>Concurrent requests: enough to keep two cores busy and to mix requests on one endpoint.</summary>
    private const int Workers = 4;

    [Fact]
    public async Task Every_endpoint_survives_thousands_of_malformed_requests()
    {
        var settings = FuzzSettings.FromEnvironment();
        var cases = new FuzzCases(settings, host.Endpoints, host.ValidIds);
        using var admin = host.Client("admin");
        using var anonymous = host.Client(null);
        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var queue = new ConcurrentQueue<int>(settings.Cases);
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var number))
            {
                var fuzzCase = cases.Case(number);
                var (status, failure) = await SendAsync(fuzzCase.Anonymous ? anonymous : admin, fuzzCase);
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                if (failure is not null) failures.Enqueue($"{fuzzCase}: {failure}");
            }
        })));

        output.WriteLine($"seed {settings.Seed}: {settings.Cases.Count()} requests over {host.Endpoints.Count} endpoints in {clock.Elapsed.TotalSeconds:0.0} s; " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(failures.IsEmpty, $"seed {settings.Seed} (STREAMIS_FUZZ_SEED={settings.Seed} STREAMIS_FUZZ_CASE=<#> replays one), {failures.Count} bad answers:\n" +
            string.Join("\n", failures.Take(40)));
        AssertNothingEscapedTheDataFolder();
        await AssertStillServesAsync();
    }

    private static async Task<(int Status, string? Failure)> SendAsync(HttpClient client, FuzzCase fuzzCase, bool expectContinue = false)
    {
        using var request = fuzzCase.Request();
        // Sent again this way when the host answered before the whole body was written and closed the connection (a
        // refused huge body): the client then waits for the host's word before sending, and reads the answer it gave.
        if (expectContinue) request.Headers.ExpectContinue = true;
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var body = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
            var path = new Uri(client.BaseAddress!, fuzzCase.Url).AbsolutePath;
            var failure = AnswerCheck.Failure(fuzzCase.Method, path, response, body);
            return ((int)response.StatusCode, failure is null ? null : $"{failure}: {(int)response.StatusCode} {Shorten(body)}");
        }
        catch (TaskCanceledException)
        {
            return (0, $"no answer within {client.Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse)
        {
            return (0, $"the connection ended without an answer ({e.HttpRequestError})");
        }
        catch (HttpRequestException e) when (!expectContinue && e.InnerException is IOException && request.Content is not null)
        {
            return await SendAsync(client, fuzzCase, expectContinue: true);
        }
    }

    /// <summary>Each climb in an upload name ends where a parent of the data folder is: nothing with the marker may be there.</summary>
    private void AssertNothingEscapedTheDataFolder()
    {
        var places = new List<string> { Path.GetTempPath(), "/tmp", Directory.GetCurrentDirectory(), AppContext.BaseDirectory };
        for (var folder = Directory.GetParent(host.DataDirectory); folder is not null; folder = folder.Parent) places.Add(folder.FullName);
        var escaped = places.Where(Directory.Exists)
            .SelectMany(p => Directory.EnumerateFileSystemEntries(p, HostileUploads.MarkerPrefix + "*"))
            .ToList();
        Assert.True(escaped.Count == 0, "written outside the data folder: " + string.Join(", ", escaped));
    }

    private async Task AssertStillServesAsync()
    {
        using var admin = host.Client("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("health")).StatusCode);
        await admin.GetFromJsonArrayAsync("api/workflows/definitions");
        var id = TestWorkflows.UniqueId("after-fuzz");
        await admin.SaveDefinitionAsync(TestWorkflows.Greeting(id));
        var instance = await admin.StartAndWaitAsync(id, new { who = "still here" });
        Assert.Equal("Completed", instance.Status());
    }

    private static string Shorten(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
