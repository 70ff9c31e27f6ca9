using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.StreamJobs.Config;

namespace Streamis.Workflows.StreamJobs.Activities;

/// <summary>Reads one configuration value of a job (stored, else the definition's default), e.g. its fail-restart switch.</summary>
[Activity(Category.StreamJobs, "Get job config", Description = "Reads a job configuration value; isOn tells whether it is ON.", Icon = "sliders")]
public sealed class GetJobConfig : Activity
{
    [Input(Description = "The job", Required = true)]
    public Input<long> JobId { get; set; } = default!;

    [Input(Description = "The configuration key, e.g. wds.linkis.flink.app.fail-restart.switch", Required = true)]
    public Input<string> Key { get; set; } = default!;

    [Output(Description = "The value, or null when neither set nor defaulted")]
    public Output<string?> Value { get; set; } = default!;

    [Output(Description = "Whether the value is ON")]
    public Output<bool> IsOn { get; set; } = default!;

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var value = await context.Get<JobConfigService>().GetValueAsync(context.Get(JobId), context.Get(Key), context.CancellationToken);
        context.Set(Value, value);
        context.Set(IsOn, string.Equals(value, "ON", StringComparison.OrdinalIgnoreCase));
        return Done();
    }
}
