using System.Text.RegularExpressions;

namespace Streamis.Workflows.Engine.Templates;

/// <summary>
/// Templates as files (<c>name.scriban</c>, <c>name.sbn</c> or <c>name.txt</c>) in one folder, read on every use
/// so that operators can edit them without a restart. Names cannot leave the folder.
/// </summary>
public sealed partial class FileTemplateStore(string? root) : ITemplateStore
{
    private static readonly string[] Extensions = [".scriban", ".sbn", ".txt", ".md", ""];

    public async ValueTask<string?> FindAsync(string name, CancellationToken cancellationToken)
    {
        if (root is null || !SafeName().IsMatch(name)) return null;
        foreach (var extension in Extensions)
        {
            var path = Path.Combine(root, name + extension);
            if (File.Exists(path)) return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.\\-]{0,127}$")]
    private static partial Regex SafeName();
}
