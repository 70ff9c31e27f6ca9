using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Streamis.Workflows.Engine.Compilation;
using Streamis.Workflows.Engine.Definitions;
using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Expressions;
using Streamis.Workflows.Engine.Registry;
using Streamis.Workflows.Engine.Validation;
using Streamis.Workflows.Engine.Values;

namespace Streamis.Workflows.Engine.Running;

/// <summary>
/// Runs workflows in process: start one, resume it at a bookmark, retry it from a failed activity, cancel it.
/// The instance state it hands back is plain data; any runner over the same registry continues it.
/// </summary>
public sealed class WorkflowRunner
{
    private readonly ConditionalWeakTable<WorkflowDefinition, WorkflowGraph> compiled = new();
    private readonly ConcurrentDictionary<(string Id, int Version), WorkflowGraph> byVersion = new();

    public WorkflowRunner(ActivityRegistry registry, WorkflowRunnerOptions? options = null)
    {
        Registry = registry;
        Options = options ?? new WorkflowRunnerOptions();
        Expressions = new ExpressionEngine(Options.Expressions);
        Compiler = new WorkflowCompiler(registry, Expressions);
        Reader = new DefinitionReader(registry);
        Services = new RunnerServices(this, Options.Services);
        Logger = Options.LoggerFactory?.CreateLogger<WorkflowExecution>();
    }

    public ActivityRegistry Registry { get; }

    public WorkflowRunnerOptions Options { get; }

    public ExpressionEngine Expressions { get; }

    public WorkflowCompiler Compiler { get; }

    public DefinitionReader Reader { get; }

    public IServiceProvider Services { get; }

    /// <summary>Opens the per-activity logging scope; null when no logger factory is configured.</summary>
    internal ILogger? Logger { get; }

    /// <summary>Reads definition JSON; throws <see cref="InvalidDefinitionException"/> listing every problem.</summary>
    public WorkflowDefinition Parse(string json)
    {
        var (definition, problems) = Reader.Read(json);
        if (definition is null || problems.Count > 0) throw new InvalidDefinitionException(problems);
        return definition;
    }

    /// <summary>Every problem of a definition, each with its JSON path; empty when it can run.</summary>
    public IReadOnlyList<ValidationProblem> Validate(WorkflowDefinition definition) => Compiler.Compile(definition).Problems;

    /// <summary>Validates and binds a definition (cached per definition object and per id + version).</summary>
    public WorkflowGraph Compile(WorkflowDefinition definition)
    {
        if (compiled.TryGetValue(definition, out var graph)) return graph;
        var (result, problems) = Compiler.Compile(definition);
        if (result is null) throw new InvalidDefinitionException(problems);
        compiled.AddOrUpdate(definition, result);
        byVersion[(definition.Id, definition.Version)] = result;
        return result;
    }

    /// <summary>The graph of a definition version, from the cache or the definition provider.</summary>
    public async ValueTask<WorkflowGraph> GetGraphAsync(string definitionId, int? version, CancellationToken cancellationToken)
    {
        if (version is { } v && byVersion.TryGetValue((definitionId, v), out var cached)) return cached;
        var definition = Options.Definitions is null ? null : await Options.Definitions.FindAsync(definitionId, version, cancellationToken).ConfigureAwait(false);
        if (definition is null && version is null)
        {
            var newest = byVersion.Keys.Where(k => k.Id == definitionId).OrderByDescending(k => k.Version).FirstOrDefault();
            if (newest.Id is not null) return byVersion[newest];
        }
        return definition is null
            ? throw new InvalidStateException($"workflow definition \"{definitionId}\"{(version is null ? "" : $" version {version}")} is not available")
            : Compile(definition);
    }

    /// <summary>A new instance, validated and ready to run, but not yet run (the durable runtime commits it first).</summary>
    public InstanceState CreateInstance(WorkflowDefinition definition, IReadOnlyDictionary<string, object?>? input = null, RunOptions? options = null)
    {
        var graph = Compile(definition);
        var now = Options.Clock.GetUtcNow();
        var state = new InstanceState
        {
            InstanceId = options?.InstanceId ?? InstanceIds.New(),
            DefinitionId = definition.Id,
            DefinitionVersion = definition.Version,
            CorrelationId = options?.CorrelationId,
            Status = WorkflowStatus.Running,
            CreatedAt = now,
            UpdatedAt = now,
        };
        // Into the state's own dictionary rather than a new one to replace it: a run should not allocate what it throws away.
        var bound = WorkflowInputBinder.Bind(definition, input, into: state.Input);
        var scope = WorkflowExecution.NewScope(state, graph, bound, ownerFrameId: null);
        var root = new FrameState { Id = state.NextFrameId++, ScopeId = scope.Id, ActivityId = graph.Root.Activity.Id };
        scope.RootFrameId = root.Id;
        state.Frames[root.Id] = root;
        state.Queue.Add(new WorkItem(WorkKind.Execute, root.Id));
        return state;
    }

    public Task<RunResult> RunAsync(WorkflowDefinition definition, IReadOnlyDictionary<string, object?>? input = null,
        RunOptions? options = null, CancellationToken cancellationToken = default) =>
        ContinueAsync(CreateInstance(definition, input, options), options, cancellationToken);

    /// <summary>
    /// Runs whatever work the instance has queued (a new or interrupted instance). A finished instance is left as it
    /// is, and so is a faulted one: only <see cref="RetryAsync"/> or <see cref="CancelAsync"/> moves it on.
    /// </summary>
    public Task<RunResult> ContinueAsync(InstanceState state, RunOptions? options = null, CancellationToken cancellationToken = default) =>
        state.IsFinished || state.Status == WorkflowStatus.Faulted
            ? Task.FromResult(new RunResult(state, []))
            : ExecuteAsync(state, null, options ?? RunOptions.Default, cancellationToken);

    public Task<RunResult> ResumeAsync(InstanceState state, string bookmarkId, object? payload = null,
        RunOptions? options = null, CancellationToken cancellationToken = default)
    {
        EnsureNotFaulted(state);
        var bookmark = state.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId)
            ?? throw new BookmarkNotFoundException($"instance {state.InstanceId} has no bookmark \"{bookmarkId}\"");
        return ExecuteAsync(state, e => e.Resume(bookmark, payload), options ?? RunOptions.Default, cancellationToken);
    }

    /// <summary>Delivers a signal to every WaitForSignal of the instance waiting for <paramref name="signal"/>.</summary>
    public Task<RunResult> SignalAsync(InstanceState state, string signal, object? payload = null,
        RunOptions? options = null, CancellationToken cancellationToken = default)
    {
        EnsureNotFaulted(state);
        var bookmarks = state.Bookmarks.Where(b => b.Name == Activities.WaitForSignal.BookmarkName && b.Key == signal).ToList();
        if (bookmarks.Count == 0) throw new BookmarkNotFoundException($"instance {state.InstanceId} is not waiting for signal \"{signal}\"");
        return ExecuteAsync(state, e => bookmarks.ForEach(b => e.Resume(b, payload)), options ?? RunOptions.Default, cancellationToken);
    }

    /// <summary>Runs a faulted instance again from the activity that failed.</summary>
    public Task<RunResult> RetryAsync(InstanceState state, RunOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (state.Status != WorkflowStatus.Faulted)
            throw new InvalidOperationException($"instance {state.InstanceId} is {state.Status}, not Faulted; only a faulted instance can be retried");
        return ExecuteAsync(state, e => e.RetryFaulted(), options ?? RunOptions.Default, cancellationToken);
    }

    /// <summary>Ends an instance for good: its activities are cancelled and journalled, its bookmarks dropped.</summary>
    public Task<RunResult> CancelAsync(InstanceState state, CancellationToken cancellationToken = default)
    {
        if (state.IsFinished) return Task.FromResult(new RunResult(state, []));
        return ExecuteAsync(state, e => e.CancelAll(), RunOptions.Default, cancellationToken);
    }

    private static void EnsureNotFaulted(InstanceState state)
    {
        if (state.Status == WorkflowStatus.Faulted)
            throw new InvalidOperationException($"instance {state.InstanceId} is Faulted; retry or cancel it before resuming it");
    }

    private Task<RunResult> ExecuteAsync(InstanceState state, Action<WorkflowExecution>? prepare, RunOptions options, CancellationToken cancellationToken) =>
        RunBurstAsync(state, prepare, options, null, cancellationToken);

    /// <summary>
    /// One run of an instance. The returned journal holds the lines written since the last checkpoint, so a
    /// caller that commits at checkpoints and at the end writes each line once.
    /// </summary>
    internal async Task<RunResult> RunBurstAsync(InstanceState state, Action<WorkflowExecution>? prepare, RunOptions options,
        Func<CheckpointSnapshot, ValueTask>? checkpoint, CancellationToken cancellationToken)
    {
        var graphs = await LoadGraphsAsync(state, cancellationToken).ConfigureAwait(false);
        List<JournalEntry>? journal = null;
        while (true)
        {
            var execution = new WorkflowExecution(this, state, graphs, cancellationToken)
            {
                Checkpoint = checkpoint,
                ResumeDueTimers = options.ResumeDueTimers || options.ResumeTimers,
                CheckpointInterval = options.CheckpointInterval,
            };
            lock (execution.Gate) prepare?.Invoke(execution);
            await execution.RunAsync().ConfigureAwait(false);
            var lines = checkpoint is null ? execution.Journal : execution.UncheckpointedJournal;
            // The first pass's journal is handed over as it is; only timer passes after it need appending.
            if (journal is null) journal = lines as List<JournalEntry> ?? [.. lines];
            else journal.AddRange(lines);
            if (!options.ResumeTimers || state.Status != WorkflowStatus.Suspended || cancellationToken.IsCancellationRequested) break;
            var timers = state.Bookmarks.Where(b => b.IsTimer).ToList();
            if (timers.Count == 0) break;
            var due = timers.Min(b => b.ResumeAt!.Value);
            // Task.Delay takes at most ~49 days; a longer wait is taken in steps (a step resumes nothing until due). It also
            // drops fractions of a millisecond (a retry's jitter makes those), so the wait is rounded up: rounded down, it
            // would end just short of the due time, and the rest, under a millisecond, would never be waited at all.
            var wait = TimeSpan.FromMilliseconds(Math.Ceiling(Math.Min((due - Options.Clock.GetUtcNow()).TotalMilliseconds, TimeSpan.FromDays(30).TotalMilliseconds)));
            try
            {
                if (wait > TimeSpan.Zero) await Task.Delay(wait, Options.Clock, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            var now = Options.Clock.GetUtcNow();
            prepare = e =>
            {
                foreach (var timer in timers.Where(t => t.ResumeAt <= now)) e.Resume(timer, null);
            };
        }
        return new RunResult(state, journal ?? []);
    }

    private async ValueTask<Dictionary<int, WorkflowGraph>> LoadGraphsAsync(InstanceState state, CancellationToken cancellationToken)
    {
        var graphs = new Dictionary<int, WorkflowGraph>();
        if (state.Scopes.Count == 0) throw new InvalidStateException($"instance {state.InstanceId} has no workflow scope");
        foreach (var scope in state.Scopes.Values)
        {
            var graph = await GetGraphAsync(scope.DefinitionId, scope.DefinitionVersion, cancellationToken).ConfigureAwait(false);
            graphs[scope.Id] = graph;
        }
        foreach (var frame in state.Frames.Values)
            if (!graphs.TryGetValue(frame.ScopeId, out var graph) || !graph.Nodes.ContainsKey(frame.ActivityId))
                throw new InvalidStateException($"instance {state.InstanceId}: activity \"{frame.ActivityId}\" is not in its definition");
        return graphs;
    }

    internal static object? Plain(object? value) => PlainValue.From(value);
}
