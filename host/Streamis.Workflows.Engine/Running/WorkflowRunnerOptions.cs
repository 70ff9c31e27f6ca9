using Microsoft.Extensions.Logging;
using Streamis.Workflows.Engine.Expressions;

namespace Streamis.Workflows.Engine.Running;

public sealed class WorkflowRunnerOptions
{
    /// <summary>All time the engine reads or waits on; a test clock makes Delays and back-offs instant.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Services activities reach through <c>context.Get&lt;T&gt;()</c> (connectors, stores).</summary>
    public IServiceProvider? Services { get; set; }

    /// <summary>Where RunWorkflow and resumed instances find definitions by id and version.</summary>
    public IWorkflowDefinitionProvider? Definitions { get; set; }

    public ExpressionLimits Expressions { get; set; } = new();

    /// <summary>Activities of one instance awaiting I/O at once, unless the definition says otherwise.</summary>
    public int MaxConcurrency { get; set; } = 64;

    /// <summary>How deep RunWorkflow may nest.</summary>
    public int MaxWorkflowDepth { get; set; } = 16;

    /// <summary>
    /// Where the engine logs. When set, whatever is logged while an activity runs carries <c>InstanceId</c>,
    /// <c>DefinitionId</c> and <c>ActivityId</c>, and the Log activity's messages go here as well as into the journal.
    /// Null keeps the engine quiet; the journal still has everything.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Folder of Scriban templates for RenderTemplate (<c>templates/</c>).</summary>
    public string? TemplatesPath { get; set; }
}
