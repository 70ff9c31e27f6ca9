namespace Streamis.Workflows.Engine.Validation;

/// <summary>Workflow input that does not match the definition's declared inputs.</summary>
public sealed class InvalidWorkflowInputException(IReadOnlyList<ValidationProblem> problems)
    : WorkflowDataException("The workflow input is invalid", problems);
