namespace Streamis.Workflows.Engine.Validation;

/// <summary>A definition that cannot run, with every problem found in it.</summary>
public sealed class InvalidDefinitionException(IReadOnlyList<ValidationProblem> problems)
    : WorkflowDataException("The workflow definition is invalid", problems);
