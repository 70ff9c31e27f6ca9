using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Streamis.Workflows.Host.Tests.Support;

namespace Streamis.Workflows.Host.Tests.Hostile;

/// <summary>
/// Scriban that loops forever, recurses, allocates without end or reaches for .NET members and files, in a definition
/// and in a run's input: the definition is refused with the expression's path, or its run ends (faulted with an
/// incident, or completed) without hanging a worker and without showing anything of .NET or the file system.
/// </summary>
public sealed partial class HostileScribanTests(FuzzHost host) : IClassFixture<FuzzHost>
{
    public static TheoryData<string> Expressions => new(HostileValues.Scriban);

    [Theory]
    [MemberData(nameof(Expressions))]
    public async Task A_hostile_expression_in_a_definition_is_refused_or_its_run_ends_without_revealing_the_host(string expression)
    {
        using var admin = host.Client("admin");
        var id = TestWorkflows.UniqueId("scriban");
        var save = await admin.PostJsonAsync("api/workflows/definitions?publish=true", HostileBodies.Definition(id, expression).ToJsonString());
        var saved = await save.Content.ReadAsStringAsync();
        Assert.True(save.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)save.StatusCode} {saved}");
        if (save.StatusCode == HttpStatusCode.BadRequest || !(bool)JsonNode.Parse(saved)!["isPublished"]!)
        {
            Assert.Contains("$.root", saved);
            return;
        }

        var instance = await admin.StartAndWaitAsync(id, new { who = "x" });
        var instanceId = (string)instance["summary"]!["id"]!;
        var done = await admin.WaitForAnyStatusAsync(instanceId, "Completed", "Faulted");
        var journal = JsonNode.Parse(await admin.GetStringAsync($"api/workflows/instances/{instanceId}/journal"))!;
        // What the host said, without the expression it quotes back (which names .GetType and Assembly itself).
        var said = string.Join("\n", done["incidents"]!.AsArray().Select(i => (string?)i!["message"])
            .Concat(journal.AsArray().Select(l => (string?)l!["message"])).Append(done["output"]!.ToJsonString()))
            .Replace(expression, "", StringComparison.Ordinal);
        Assert.DoesNotMatch(Revealing(), said);
        if (done.Status() == "Faulted") Assert.Contains("failed: ", (string?)done["incidents"]![0]!["message"]);
    }

    [Theory]
    [MemberData(nameof(Expressions))]
    public async Task A_hostile_expression_given_as_input_is_data_not_code(string expression)
    {
        using var admin = host.Client("admin");

        var instance = await admin.StartAndWaitAsync(host.ValidIds["definitionId"], new { who = expression });

        Assert.Equal("Completed", instance.Status());
        Assert.Equal($"Hello {expression}", (string?)instance["output"]!["greeting"]);
    }

    /// <summary>What an expression must never bring out: .NET types and assemblies, stack frames, a password file.</summary>
    [GeneratedRegex(@"System\.[A-Z]|Assembly|   at |root:x:0:0|Streamis\.Workflows\.[A-Z]\w+\.dll")]
    private static partial Regex Revealing();
}
