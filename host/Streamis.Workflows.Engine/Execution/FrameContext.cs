using Streamis.Workflows.Engine.Compilation;
using Streamis.Workflows.Engine.Expressions;
using Streamis.Workflows.Engine.Values;
using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Execution;

/// <summary>
/// The context of one activity invocation. Anything that touches instance state takes the execution's gate:
/// an activity may continue on another thread after an await while the interpreter serves other branches.
/// A context is valid for the call it is passed to; once that call has returned a result synchronously, the
/// interpreter may hand the same object to the next invocation (see <see cref="TryRebind"/>).
/// </summary>
internal sealed class FrameContext(WorkflowExecution execution, FrameState frame, GraphNode node) : ActivityContext
{
    private CancellationTokenSource? cancellation;
    private bool cancelled;

    public FrameState Frame { get; private set; } = frame;

    public GraphNode Node { get; private set; } = node;

    /// <summary>
    /// Points this context at another invocation. Refused once the context has a cancellation source or was
    /// cancelled: that state belongs to the invocation it served.
    /// </summary>
    public bool TryRebind(FrameState frame, GraphNode node)
    {
        if (cancellation is not null || cancelled) return false;
        Frame = frame;
        Node = node;
        return true;
    }

    public WorkflowExecution Execution { get; } = execution;

    public bool IsCancelled => cancelled;

    public override string InstanceId => Execution.State.InstanceId;

    public override string DefinitionId => Execution.State.DefinitionId;

    public override string? CorrelationId => Execution.State.CorrelationId;

    public override string ActivityId => Frame.ActivityId;

    public override string ExecutionId => $"{Execution.State.InstanceId}:{Frame.Id}";

    public override int Attempt => Frame.Attempt;

    public override TimeProvider Clock => Execution.Clock;

    public override IServiceProvider Services => Execution.Runner.Services;

    public override IDictionary<string, object?> Properties => Frame.Properties ??= [];

    public override int ActiveChildCount
    {
        get
        {
            lock (Execution.Gate) return Frame.ActiveChildren + Execution.UndeliveredChildResults(Frame.Id);
        }
    }

    public override CancellationToken CancellationToken
    {
        get
        {
            // Created on first use: most activities never ask, and a linked source per activity would cost every run.
            lock (Execution.Gate)
            {
                if (cancellation is null)
                {
                    cancellation = CancellationTokenSource.CreateLinkedTokenSource(Execution.Cancellation);
                    if (cancelled) cancellation.Cancel();
                }
                return cancellation.Token;
            }
        }
    }

    /// <summary>Stops the activity's own I/O; with <paramref name="requeue"/> false its result is then ignored.</summary>
    public void CancelInFlight(bool requeue)
    {
        if (!requeue) cancelled = true;
        try
        {
            if (cancellation is null) cancellation = new CancellationTokenSource();
            cancellation.Cancel();
        }
        catch (AggregateException)
        {
            // A cancellation callback of the activity threw; the activity is being stopped anyway.
        }
    }

    protected override T Evaluate<T>(Input<T> input)
    {
        object? value;
        if (input.Kind == InputSourceKind.Variable) value = GetVariable(input.Text!);
        else
        {
            lock (Execution.Gate)
                value = Execution.Expressions.Evaluate((CompiledExpression)input.Compiled!, Execution.Globals(Frame));
        }
        if (value is T typed) return typed;
        if (ValueConverter.TryConvert(value, typeof(T), out var converted, out var error)) return (T)converted!;
        throw new ActivityInputException($"input \"{input.Name}\" of {Node.Type.Name} \"{Frame.ActivityId}\": {error}");
    }

    protected override void SetOutput(Output output, object? value)
    {
        // The interpreter holds the gate while an activity runs synchronously; taking it again costs a trip through the
        // lock's slow path on every output and every child of every step.
        if (Execution.Gate.IsHeldByCurrentThread) Execution.SetOutput(Frame, Node, output, value);
        else lock (Execution.Gate) Execution.SetOutput(Frame, Node, output, value);
    }

    public override object? GetVariable(string name)
    {
        lock (Execution.Gate) return Execution.GetVariable(Frame, name);
    }

    public override void SetVariable(string name, object? value)
    {
        lock (Execution.Gate) Execution.SetVariable(Frame, name, value);
    }

    public override object? Evaluate(string expression)
    {
        var compiled = Execution.Runner.Expressions.Compile(expression);
        lock (Execution.Gate) return Execution.Expressions.Evaluate(compiled, Execution.Globals(Frame));
    }

    /// <summary>Evaluates with further names beside the usual ones (RenderTemplate's <c>model</c>).</summary>
    public object? Evaluate(string expression, IReadOnlyDictionary<string, object?> names)
    {
        var compiled = Execution.Runner.Expressions.Compile(expression);
        lock (Execution.Gate)
        {
            var globals = Execution.Globals(Frame);
            foreach (var (name, value) in names) globals[name] = value;
            return Execution.Expressions.Evaluate(compiled, globals);
        }
    }

    public override void Log(string message, LogSeverity severity = LogSeverity.Information, object? data = null)
    {
        lock (Execution.Gate)
            Execution.AppendJournal(JournalEventKind.Log, Frame, Node, Clock.GetUtcNow(), message: message, severity: severity, data: data);
    }

    public override string CreateBookmark(string name, string? key = null, DateTimeOffset? resumeAt = null)
    {
        lock (Execution.Gate) return Execution.CreateBookmark(Frame, name, key, resumeAt);
    }

    public override void ScheduleChild(Activity child, object? tag = null, IReadOnlyDictionary<string, object?>? locals = null)
    {
        if (child.CompiledNode is not GraphNode childNode || childNode.Parent != Node)
            throw new InvalidOperationException($"\"{child.Id}\" is not a child of \"{Frame.ActivityId}\"");
        if (Execution.Gate.IsHeldByCurrentThread) Execution.ScheduleChild(Frame, childNode, tag, locals);
        else lock (Execution.Gate) Execution.ScheduleChild(Frame, childNode, tag, locals);
    }

    public override void CancelChildren()
    {
        lock (Execution.Gate) Execution.CancelDescendants(Frame);
    }

    /// <summary>Runs a child workflow inline (RunWorkflow).</summary>
    public void ScheduleWorkflow(WorkflowGraph graph, Dictionary<string, object?> input)
    {
        lock (Execution.Gate) Execution.ScheduleWorkflow(Frame, graph, input);
    }
}
