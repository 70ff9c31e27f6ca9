using Microsoft.Extensions.Logging;
using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Activities;

/// <summary>
/// Writes a structured message into the execution journal, and into the host log when there is one (where it carries
/// the instance, definition and activity ids).
/// </summary>
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
        var message = context.Get(Message);
        var level = context.Get(Level);
        context.Log(message, level, context.Get(Data));
        if (context.Services.GetService(typeof(ILoggerFactory)) is ILoggerFactory loggers)
            loggers.CreateLogger<Log>().Log(LevelOf(level), "Workflow log: {Message}", message);
        return new(Done());
    }

    private static LogLevel LevelOf(LogSeverity severity) => severity switch
    {
        LogSeverity.Debug => LogLevel.Debug,
        LogSeverity.Warning => LogLevel.Warning,
        LogSeverity.Error => LogLevel.Error,
        _ => LogLevel.Information,
    };
}
