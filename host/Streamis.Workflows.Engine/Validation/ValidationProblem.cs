namespace Streamis.Workflows.Engine.Validation;

/// <summary>One thing wrong with a definition or an input: where (a JSON path) and what, in plain words.</summary>
public sealed record ValidationProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
