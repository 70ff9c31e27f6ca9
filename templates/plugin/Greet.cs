using Microsoft.Extensions.DependencyInjection;
using Streamis.Workflows.Sdk.Activities;

namespace Company.StreamisPlugin;

/// <summary>
/// An activity: inputs and outputs are declared as properties, so the designer and the validator see them; per-run data
/// lives in the context, never in fields. The type name must be unique across the host's plugins.
/// </summary>
[Activity("Company.StreamisPlugin", "Greet", Type = "CompanyStreamisPluginGreet", Description = "Greets someone with the configured greeting.")]
public sealed class Greet : Activity
{
    [Input(Description = "Who to greet", Required = true)]
    public Input<string> Name { get; set; } = default!;

    [Output(Description = "The greeting")]
    public Output<string> Greeting { get; set; } = default!;

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var settings = context.Services.GetRequiredService<GreetingSettings>();
        context.Set(Greeting, $"{settings.Greeting}, {context.Get(Name)}");
        return new(Done());
    }
}
