using System.Text.Json.Nodes;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.ProjectFiles;

namespace Streamis.Workflows.StreamJobs.Services;

/// <summary>
/// Finds the files a version's jobContent names as Streamis does at launch: first among the version's own files, then
/// among the project's resource files (<see cref="ProjectFileService.ResolveAsync"/>). The host asks at deploy and upload
/// too, so a name that resolves nowhere is refused before a version is saved, not when the job is started.
/// </summary>
public sealed class JobFileResolver(ProjectFileService projectFiles)
{
    /// <summary>
    /// The project files for the names not among <paramref name="versionFileNames"/>; every name found nowhere is named,
    /// with its field, in one error (Streamis' 30500 "Not exists file").
    /// </summary>
    public async Task<IReadOnlyList<(JobFileReference Reference, ProjectFile File)>> ResolveProjectFilesAsync(
        string projectName, string jobType, JsonObject content, IReadOnlyCollection<string> versionFileNames, CancellationToken cancellationToken = default)
    {
        var resolved = new List<(JobFileReference, ProjectFile)>();
        var missing = new List<string>();
        foreach (var reference in JobFileReferences.Of(jobType, content))
        {
            if (versionFileNames.Contains(reference.Name)) continue;
            if (await projectFiles.ResolveAsync(projectName, reference.Name, cancellationToken) is { } file) resolved.Add((reference, file));
            else missing.Add($"{reference.Field} names '{reference.Name}', which is neither a file of this version nor a resource file of project {projectName}");
        }
        if (missing.Count > 0)
            throw new StreamJobsException(ErrorCodes.JobContent, StreamJobsErrorKind.Invalid,
                string.Join("; ", missing) + " (upload it with the job's zip or under the project's resource files)");
        return resolved;
    }
}
