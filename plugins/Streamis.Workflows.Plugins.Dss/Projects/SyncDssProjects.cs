using Microsoft.Extensions.DependencyInjection;
using Streamis.Workflows.Plugins.Dss.Gateway;
using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.Sdk.Errors;
using Streamis.Workflows.Sdk.HostServices;

namespace Streamis.Workflows.Plugins.Dss.Projects;

/// <summary>
/// Brings the host's projects in line with the system of record (every registered <see cref="IProjectSync"/>, DSS
/// for this plugin): a project missing here is created, one whose members differ gets DSS' lists. Projects DSS does
/// not list are left alone, since a host may have its own. Safe to run again: it only writes what differs.
/// </summary>
[Activity("DSS", "Sync DSS projects", Description = "Creates missing projects and sets each project's release, edit and access users to DSS' lists.",
    Outcomes = ["Done", "SomeFailed"], Icon = "refresh")]
public sealed class SyncDssProjects : Activity
{
    [Input(Description = "Recorded as the creator of projects made by the sync")]
    public Input<string> CreatedBy { get; set; } = default!;

    [Output(Description = "Projects created")]
    public Output<long> Created { get; set; } = default!;

    [Output(Description = "Projects whose members changed")]
    public Output<long> Updated { get; set; } = default!;

    [Output(Description = "Projects already in line")]
    public Output<long> Unchanged { get; set; } = default!;

    [Output(Description = "Projects that could not be synced, each with its project and message")]
    public Output<List<object?>> Failed { get; set; } = default!;

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var directory = context.Get<IProjectDirectory>();
        var creator = context.Get(CreatedBy) is { Length: > 0 } given ? given : "dss-sync";
        var ct = context.CancellationToken;
        long created = 0, updated = 0, unchanged = 0;
        var failed = new List<object?>();
        foreach (var source in context.Services.GetServices<IProjectSync>())
        {
            IReadOnlyList<SyncedProject> projects;
            try
            {
                projects = await source.ListProjectsAsync(ct);
            }
            catch (DssGatewayException e) when (TransientErrors.IsTransient(e))
            {
                throw new TransientException(e.Message, e);
            }
            foreach (var project in projects)
            {
                var lists = new ProjectMemberLists(project.ReleaseUsers, project.EditUsers, project.AccessUsers);
                try
                {
                    if (await directory.FindIdAsync(project.Name, ct) is not { } id)
                    {
                        await directory.CreateAsync(project.Name, project.WorkspaceId, lists, creator, ct);
                        created++;
                    }
                    else if (Same(await directory.GetMembersAsync(id, ct), lists)) unchanged++;
                    else
                    {
                        await directory.UpdateMembersAsync(id, lists, creator, ct);
                        updated++;
                    }
                }
                catch (HostRefusalException e)
                {
                    failed.Add(new Dictionary<string, object?> { ["project"] = project.Name, ["message"] = e.Message });
                }
            }
        }
        context.Set(Created, created);
        context.Set(Updated, updated);
        context.Set(Unchanged, unchanged);
        context.Set(Failed, failed);
        context.Log($"{created} created, {updated} updated, {unchanged} unchanged, {failed.Count} failed");
        return failed.Count == 0 ? Done() : Outcome("SomeFailed");
    }

    private static bool Same(ProjectMemberLists current, ProjectMemberLists wanted) =>
        SameUsers(current.ReleaseUsers, wanted.ReleaseUsers) && SameUsers(current.EditUsers, wanted.EditUsers) && SameUsers(current.AccessUsers, wanted.AccessUsers);

    private static bool SameUsers(IReadOnlyList<string>? current, IReadOnlyList<string>? wanted) =>
        new HashSet<string>((current ?? []).Select(u => u.Trim()), StringComparer.Ordinal).SetEquals((wanted ?? []).Select(u => u.Trim()));
}
