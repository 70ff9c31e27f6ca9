using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Activities;

/// <summary>Writes a structured message into the execution journal.</summary>
[Activity("Primitives", "Log", Description = "Writes a message (and optional data) into the journal.", Icon = "file-text")]
public sealed class Log : Activity
{
    [Input(Description = "The message; usually a template such as \"Job {{ input.jobId }} started\"", Required = true)]
    public Input<string> Message { get; set; } = default!;

    [Input(Description = "Severity", Default = LogSeverity.Information)]
    public Input<LogSeverity> Level { get; set; } = default!;

    [Input(Description = "Structured data kept with the message")]
    public Input<object?> Data { get; set; } = default!;

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.Log(context.Get(Message), context.Get(Level), context.Get(Data));
        return new(Done());
    }
}
