using System.Text;

namespace Streamis.Workflows.Host.Tests.Hostile;

/// <summary>
/// Generates the requests of a fuzz run: every endpoint first (so none is missed), then endpoints at random, each
/// with route values real or hostile, query parameters it reads or not, and a body of any kind.
/// </summary>
internal sealed class FuzzCases(FuzzSettings settings, IReadOnlyList<HostEndpoint> endpoints, IReadOnlyDictionary<string, string> validIds)
{
    /// <summary>Query parameters the host reads by hand somewhere (handlers that read HttpRequest do not list them).</summary>
    private static readonly string[] QueryNames =
    [
        "pageNow", "pageSize", "page", "status", "jobId", "taskId", "projectName", "projectNames", "projectIds", "jobName", "version",
        "fromLine", "lastRows", "logType", "ignoreKeywords", "onlyKeywords", "id", "ids", "fileName", "refId", "executionId",
        "username", "jobStatus", "jobCreator", "snapshot", "publish", "wait", "includeRetired", "definitionId", "correlationId",
        "redirect", "dssurl", "cookies", "workspace", "projectId", "last", "userName", "password", "savepointPath",
    ];

    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

    private readonly HostileBodies bodies = new(validIds);

    public HostileUploads Uploads { get; } = new(settings.Seed);

    public FuzzCase Case(int number)
    {
        var random = settings.CaseRandom(number);
        var endpoint = number < endpoints.Count ? endpoints[number] : random.Pick(endpoints);
        var method = random.Next(30) == 0 ? random.Pick(Methods) : endpoint.Method;
        var what = new List<string>();
        var path = endpoint.Path(name => RouteValue(random, name, what));
        var url = path + Query(random, endpoint, what);
        var anonymous = random.Next(10) == 0;
        var content = Body(random, endpoint, method, what);
        return new FuzzCase(number, endpoint, method, url, anonymous, string.Join("; ", what), content);
    }

    private string RouteValue(Random random, string name, List<string> what)
    {
        if (random.Next(5) < 3 && validIds.TryGetValue(name, out var valid)) return Uri.EscapeDataString(valid);
        // Long, but mostly within Kestrel's 8 KB request line, so the host's own handling of it is what gets tested.
        var value = random.Next(15) == 0 ? HostileValues.Long(random, random.Next(2_000, 10_000)) : random.Pick(HostileValues.Scalars);
        what.Add($"{name}={Shorten(value)}");
        // Mostly escaped as a client would; sometimes raw, so the router itself sees dots, slashes and percents.
        return random.Next(4) == 0 ? value.Replace("?", "", StringComparison.Ordinal).Replace("#", "", StringComparison.Ordinal) : Uri.EscapeDataString(value);
    }

    private string Query(Random random, HostEndpoint endpoint, List<string> what)
    {
        if (random.Next(25) == 0)
        {
            what.Add("broken query");
            return "?%%%&=&a=%ZZ&&" + Uri.EscapeDataString(new string('=', 3));
        }
        var names = endpoint.HandlerParameters.Concat(QueryNames).Distinct().ToList();
        var query = new StringBuilder();
        for (var i = random.Next(5); i > 0; i--)
        {
            var name = i <= endpoint.HandlerParameters.Count && random.Next(2) == 0 ? endpoint.HandlerParameters[i - 1] : random.Pick(names);
            string value;
            if (random.Next(2) == 0 && validIds.TryGetValue(name, out var valid)) value = valid;
            else
            {
                value = random.Next(20) == 0 ? HostileValues.Long(random, random.Next(500, 4_000)) : random.Pick(HostileValues.Scalars);
                what.Add($"?{name}={Shorten(value)}");
            }
            query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }
        return query.ToString();
    }

    private Func<HttpContent?> Body(Random random, HostEndpoint endpoint, string method, List<string> what)
    {
        var takesBody = method is "POST" or "PUT" or "PATCH";
        if (!takesBody && random.Next(8) > 0) return () => null;
        // The body is made when the request is sent, from a random of its own, so a 10 MB body is not held until then.
        var bodySeed = random.Next();
        if (!takesBody)
        {
            // Small: HttpClient writes a whole body before it reads the answer, and a GET of a 5 MB file that does not
            // read the body would wait on it until both sides give up.
            what.Add("body on a " + method + ": " + DescribeMalformed(bodySeed, small: true));
            return () => HostileBodies.Malformed(new Random(bodySeed), small: true).Content;
        }
        var path = endpoint.Pattern.RawText ?? "";
        var uploads = path.Contains("upload", StringComparison.Ordinal);
        var kind = random.Next(10);
        if (uploads ? kind < 6 : kind == 0)
        {
            Uploads.Form(new Random(bodySeed), validIds, out var upload).Dispose();
            what.Add(upload);
            return () => Uploads.Form(new Random(bodySeed), validIds, out _);
        }
        if (kind < 4)
        {
            what.Add(DescribeMalformed(bodySeed));
            return () => HostileBodies.Malformed(new Random(bodySeed)).Content;
        }
        what.Add(bodies.Json(new Random(bodySeed), path).What);
        return () => HostileBodies.Text(bodies.Json(new Random(bodySeed), path).Text, "application/json");
    }

    private static string DescribeMalformed(int seed, bool small = false)
    {
        var (content, what) = HostileBodies.Malformed(new Random(seed), small);
        content.Dispose();
        return what;
    }

    private static string Shorten(string value) => (value.Length > 30 ? value[..30] + "…" : value).Replace("\0", "\\0", StringComparison.Ordinal);
}
