using Streamis.Workflows.Engine.Validation;

namespace Streamis.Workflows.Host.Errors;

/// <summary>A request body with fields missing or of the wrong type; lists each with its path.</summary>
public sealed class InvalidRequestException(IReadOnlyList<ValidationProblem> problems) : WorkflowDataException("The request is invalid", problems);
