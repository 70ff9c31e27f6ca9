namespace Streamis.Workflows.Engine.Expressions;

/// <summary>An expression that does not parse or fails when evaluated; the message quotes it and says where.</summary>
public sealed class ExpressionException(string message, Exception? inner = null) : Exception(message, inner);
