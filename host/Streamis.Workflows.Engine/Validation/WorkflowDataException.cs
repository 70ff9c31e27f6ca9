namespace Streamis.Workflows.Engine.Validation;

/// <summary>User data the engine refuses; <see cref="Problems"/> lists all that is wrong, each with its path.</summary>
public abstract class WorkflowDataException(string summary, IReadOnlyList<ValidationProblem> problems)
    : Exception($"{summary}: " + string.Join("; ", problems.Take(20)) + (problems.Count > 20 ? $" (+{problems.Count - 20} more)" : ""))
{
    public IReadOnlyList<ValidationProblem> Problems { get; } = problems;
}
