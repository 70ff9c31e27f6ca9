namespace Streamis.Workflows.Engine.Execution;

/// <summary>An input value that cannot be converted to the type the activity declares.</summary>
public sealed class ActivityInputException(string message) : Exception(message);
