namespace Streamis.Workflows.Engine.Templates;

/// <summary>Where RenderTemplate finds a template by name (e.g. <c>alert-job-failed</c>).</summary>
public interface ITemplateStore
{
    /// <summary>The template text, or null when there is no such template.</summary>
    ValueTask<string?> FindAsync(string name, CancellationToken cancellationToken);
}
