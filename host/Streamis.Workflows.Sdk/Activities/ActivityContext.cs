namespace Streamis.Workflows.Sdk.Activities;

/// <summary>
/// Everything an activity may touch during one invocation. Values read and written here are plain data
/// (null, bool, long, double, string, lists and string-keyed dictionaries of those), so that a workflow's
/// state always serialises to JSON and continues identically after a restart.
/// </summary>
public abstract class ActivityContext
{
    public abstract string InstanceId { get; }

    public abstract string DefinitionId { get; }

    public abstract string? CorrelationId { get; }

    public abstract string ActivityId { get; }

    /// <summary>
    /// Stable across retries and across re-runs after a crash: use it as the idempotency key of any side effect.
    /// </summary>
    public abstract string ExecutionId { get; }

    /// <summary>1 on the first run, then 2, 3... on retries.</summary>
    public abstract int Attempt { get; }

    public abstract CancellationToken CancellationToken { get; }

    public abstract TimeProvider Clock { get; }

    public abstract IServiceProvider Services { get; }

    /// <summary>Bookkeeping of this activity execution (a composite's position, counters...).</summary>
    public abstract IDictionary<string, object?> Properties { get; }

    /// <summary>Evaluates an input of this activity (literal, expression or variable), converted to its type.</summary>
    /// <remarks>
    /// Not virtual: a generic virtual call is resolved through a runtime lookup on every call, and a literal,
    /// converted when the definition was compiled, needs nothing from the engine.
    /// </remarks>
    public T Get<T>(Input<T> input) => input.Kind == InputSourceKind.Literal ? (T)input.Literal! : Evaluate(input);

    /// <summary>Evaluates an expression or variable input, converted to its type.</summary>
    protected abstract T Evaluate<T>(Input<T> input);

    /// <summary>A service registered with the host (a connector, a store...).</summary>
    public T Get<T>() where T : notnull =>
        Services.GetService(typeof(T)) is T service
            ? service
            : throw new InvalidOperationException($"No service of type {typeof(T).Name} is registered.");

    public void Set<T>(Output<T> output, T value) => SetOutput(output, value);

    /// <summary>Stores an output value (non-generic for the reason <see cref="Get{T}(Input{T})"/> gives).</summary>
    protected abstract void SetOutput(Output output, object? value);

    public abstract object? GetVariable(string name);

    public abstract void SetVariable(string name, object? value);

    /// <summary>Renders a Scriban template in the scope of this activity (same names as input expressions).</summary>
    public abstract object? Evaluate(string expression);

    /// <summary>Writes a structured entry into the execution journal.</summary>
    public abstract void Log(string message, LogSeverity severity = LogSeverity.Information, object? data = null);

    /// <summary>
    /// Creates a resumption point. The activity must then return <see cref="ActivityResult.Wait"/>. A bookmark with
    /// <paramref name="resumeAt"/> is a timer, resumed when due; others are resumed by name/key from outside.
    /// </summary>
    public abstract string CreateBookmark(string name, string? key = null, DateTimeOffset? resumeAt = null);

    /// <summary>Schedules a child activity; its completion arrives in <see cref="Activity.OnChildCompletedAsync"/>.</summary>
    public abstract void ScheduleChild(Activity child, object? tag = null, IReadOnlyDictionary<string, object?>? locals = null);

    /// <summary>Cancels every child of this activity that is still pending, running or suspended.</summary>
    public abstract void CancelChildren();

    /// <summary>How many children of this activity are pending, running or suspended.</summary>
    public abstract int ActiveChildCount { get; }
}
