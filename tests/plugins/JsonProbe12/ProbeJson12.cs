using System.Reflection;
using System.Runtime.Loader;
using Newtonsoft.Json;
using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.TestPlugins.JsonProbe12;

/// <summary>Reports which Newtonsoft.Json this plugin runs on, and uses it, so the isolation test can compare plugins.</summary>
[Activity("Test plugins", "Probe Json.NET (12)")]
public sealed class ProbeJson12 : Activity
{
    [Output(Description = "File version of the Newtonsoft.Json assembly this plugin sees")]
    public Output<string> FileVersion { get; set; } = default!;

    [Output(Description = "Name of the load context that assembly lives in")]
    public Output<string> LoadContext { get; set; } = default!;

    [Output(Description = "A small object serialised with it")]
    public Output<string> Sample { get; set; } = default!;

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var json = typeof(JsonConvert).Assembly;
        context.Set(FileVersion, json.GetCustomAttribute<AssemblyFileVersionAttribute>()?.Version ?? "unknown");
        context.Set(LoadContext, AssemblyLoadContext.GetLoadContext(json)?.Name ?? "unknown");
        context.Set(Sample, JsonConvert.SerializeObject(new { probe = 12 }));
        return new(Done());
    }
}
