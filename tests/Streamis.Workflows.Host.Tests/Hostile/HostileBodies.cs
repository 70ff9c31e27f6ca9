using System.Text;
using System.Text.Json.Nodes;

namespace Streamis.Workflows.Host.Tests.Hostile;

/// <summary>
/// Request bodies that are almost right (the fields an endpoint reads, some of wrong type, missing or extra) and
/// ones that are plainly wrong (deep nesting, invalid UTF-8, megabytes, other media types, nothing at all).
/// </summary>
internal sealed class HostileBodies(IReadOnlyDictionary<string, string> validIds)
{
    /// <summary>Every field some endpoint reads, with a value it would accept.</summary>
    private JsonObject Plausible(string path)
    {
        var job = long.Parse(validIds["jobId"], System.Globalization.CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["definitionId"] = validIds["definitionId"],
            ["instanceId"] = validIds["instanceId"],
            ["input"] = new JsonObject { ["who"] = "fuzz" },
            ["correlationId"] = "fuzz",
            ["signal"] = "approve",
            ["payload"] = new JsonObject { ["approvedBy"] = "fuzz" },
            ["operation"] = "start",
            ["jobId"] = job,
            ["jobIds"] = new JsonArray(job),
            ["projectName"] = validIds["projectName"],
            ["jobName"] = "fuzzjob",
            ["jobType"] = "flink.sql",
            ["jobContent"] = new JsonObject { ["type"] = "sql", ["sql"] = "select 1" },
            ["name"] = path.Contains("config", StringComparison.Ordinal) ? "Fuzz key" : validIds["projectName"],
            ["key"] = "fuzz.key." + path.Length,
            ["type"] = "string",
            ["workspaceId"] = 1,
            ["projectId"] = 1,
            ["releaseUsers"] = new JsonArray("admin"),
            ["editUsers"] = new JsonArray("ops"),
            ["accessUsers"] = new JsonArray("watcher"),
            ["userName"] = "admin",
            ["password"] = "not-the-password",
            ["bulk_sbj"] = new JsonArray(job),
            ["sbj_type"] = "job",
            ["snapshot"] = false,
            ["version"] = 1,
            ["parallelism"] = 2,
            ["nodeName"] = "fuzz node",
            ["refProjectId"] = 1,
            ["inputs"] = new JsonObject { ["who"] = "fuzz" },
            ["labels"] = new JsonObject { ["route"] = "dev" },
            ["executionId"] = "dss:fuzz",
            ["wait"] = false,
            ["wds.linkis.flink.taskmanager.num"] = "2",
        };
    }

    /// <summary>A workflow definition whose one Log message is <paramref name="expression"/>.</summary>
    public static JsonObject Definition(string id, string expression) => new()
    {
        ["id"] = id,
        ["name"] = "Fuzz " + id,
        ["inputs"] = new JsonArray(new JsonObject { ["name"] = "who", ["type"] = "string" }),
        ["root"] = new JsonObject
        {
            ["id"] = "say",
            ["type"] = "Log",
            ["inputs"] = new JsonObject { ["message"] = new JsonObject { ["expression"] = expression } },
        },
    };

    /// <summary>A JSON body for <paramref name="path"/>: a random part of the fields, then up to three of them made hostile.</summary>
    public (string Text, string What) Json(Random random, string path)
    {
        JsonObject body;
        if (path.Contains("/definitions", StringComparison.Ordinal) && !path.Contains("config", StringComparison.Ordinal))
            body = Definition($"fuzz-def-{random.Next(1_000_000)}", random.Next(2) == 0 ? random.Pick(HostileValues.Scriban) : "Hello {{ input.who }}");
        else
        {
            var all = Plausible(path);
            body = [];
            foreach (var (name, value) in all)
                if (random.Next(3) == 0) body[name] = value?.DeepClone();
        }
        var what = new List<string>();
        var raw = new Dictionary<string, string>();
        for (var i = random.Next(4); i > 0; i--)
        {
            var names = body.Select(p => p.Key).ToList();
            var name = names.Count > 0 && random.Next(4) > 0 ? random.Pick(names) : "extra" + random.Next(100);
            switch (random.Next(6))
            {
                case 0:
                    body.Remove(name);
                    what.Add($"without {name}");
                    break;
                case 1:
                    body[name] = random.Pick(HostileValues.Scriban);
                    what.Add($"{name}=scriban");
                    break;
                default:
                    var placeholder = $"\u0001raw{raw.Count}\u0001";
                    var (value, description) = HostileValue(random);
                    body[name] = placeholder;
                    raw[JsonValue.Create(placeholder)!.ToJsonString()] = value;
                    what.Add($"{name}={description}");
                    break;
            }
        }
        var text = body.ToJsonString();
        foreach (var (placeholder, value) in raw) text = text.Replace(placeholder, value, StringComparison.Ordinal);
        return (text, what.Count == 0 ? "plausible fields" : string.Join(", ", what));
    }

    /// <summary>A hostile JSON value as text: wrong type, megabytes, a huge array, nesting deeper than any parser allows.</summary>
    private static (string Value, string What) HostileValue(Random random) => random.Next(20) switch
    {
        0 => (Deep(random.Pick([10_000, 10_001, 70, 71])), "deep value"),
        1 when random.Next(10) == 0 => ($"\"{HostileValues.Long(random, random.Next(1, 10) * 1024 * 1024)}\"", "MB string"),
        1 or 2 => ($"\"{HostileValues.Long(random, random.Next(1_000, 100_000))}\"", "long string"),
        3 => ("[" + string.Join(",", Enumerable.Repeat(random.Next(2) == 0 ? "1" : "\"a\"", random.Next(1_000, 200_000))) + "]", "huge array"),
        _ => random.Pick(HostileValues.JsonValues) is var value ? (value, value.Length > 20 ? value[..20] : value) : default,
    };

    /// <summary>Objects in objects for an even depth, arrays in arrays for an odd one.</summary>
    public static string Deep(int depth) => depth % 2 == 0
        ? string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)
        : new string('[', depth) + new string(']', depth);

    /// <summary>A body that is not JSON of any shape an endpoint reads; <paramref name="small"/> leaves out the megabytes.</summary>
    public static (HttpContent Content, string What) Malformed(Random random, bool small = false) => random.Next(small ? 11 : 12) switch
    {
        0 => (new ByteArrayContent([]), "empty, no type"),
        1 => (Text("", "application/json"), "empty json"),
        2 => (Text(Deep(10_000), "application/json"), "10k nesting"),
        3 => (Text(new string('[', 100_000), "application/json"), "unclosed arrays"),
        4 => (Bytes([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xed, 0xa0, 0x80, 0x22, 0x7d], "application/json"), "invalid utf-8"),
        5 => (Text("<job><id>1</id></job>", "application/xml"), "xml"),
        6 => (new FormUrlEncodedContent([new("jobId", "1"), new("projectName", "../x")]), "form"),
        7 => (Text("{\"jobId\": 1,", "application/json"), "truncated"),
        8 => (Text("{\"a\":1} {\"b\":2}", "application/json"), "two documents"),
        9 => (Text("{\"jobId\":1}", "text/plain; charset=utf-32"), "wrong charset"),
        10 => (Text("{\"a\":1,\"a\":2,\"jobId\":\"1\",\"jobId\":[]}", "application/json"), "duplicate keys"),
        _ => (Text("\"" + HostileValues.Long(random, random.Next(1, 10) * 1024 * 1024) + "\"", "application/json"), "MB string body"),
    };

    public static StringContent Text(string text, string mediaType)
    {
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    private static ByteArrayContent Bytes(byte[] bytes, string mediaType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }
}
