using Streamis.Workflows.Persistence;
using Streamis.Workflows.StreamJobs.Config;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Tests.Support;
using System.Text.Json.Nodes;

namespace Streamis.Workflows.StreamJobs.Tests;

public sealed class ProjectTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task Privileges_include_lower_ranks(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        Assert.Equal(ProjectPrivilege.Release, await domain.Projects.GetPrivilegeAsync("alice", "p1"));
        Assert.True(await domain.Projects.HasPrivilegeAsync("alice", "p1", ProjectPrivilege.Access));
        Assert.True(await domain.Projects.HasPrivilegeAsync("bob", "p1", ProjectPrivilege.Edit));
        Assert.False(await domain.Projects.HasPrivilegeAsync("bob", "p1", ProjectPrivilege.Release));
        Assert.True(await domain.Projects.HasPrivilegeAsync("carol", "p1", ProjectPrivilege.Access));
        Assert.False(await domain.Projects.HasPrivilegeAsync("carol", "p1", ProjectPrivilege.Edit));
        Assert.Null(await domain.Projects.GetPrivilegeAsync("mallory", "p1"));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Duplicate_live_name_is_600500_but_a_deleted_name_can_be_reused(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var e = await Assert.ThrowsAsync<StreamJobsException>(() => domain.Projects.CreateAsync("p1", null, new ProjectMembers(), "x"));
        Assert.Equal(ErrorCodes.ProjectNameExists, e.Code);

        var p1 = (await domain.Projects.FindAsync("p1"))!;
        await domain.Projects.DeleteAsync(p1.Id, "admin");
        Assert.Null(await domain.Projects.FindAsync("p1"));
        Assert.True((await domain.Projects.FindAsync(p1.Id))!.IsDeleted);
        Assert.Empty(await domain.Projects.GetMembersAsync(p1.Id));
        Assert.Null(await domain.Projects.GetPrivilegeAsync("alice", "p1"));
        Assert.Equal(p1.Id, await domain.Projects.SearchIdAsync("p1"));

        var again = await domain.Projects.CreateAsync("p1", null, new ProjectMembers(EditUsers: ["dave"]), "admin");
        Assert.NotEqual(p1.Id, again.Id);
        Assert.Equal(ProjectPrivilege.Edit, await domain.Projects.GetPrivilegeAsync("dave", "p1"));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Concurrent_creates_of_one_name_make_one_project(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            try { await domain.Projects.CreateAsync("race", null, new ProjectMembers(EditUsers: [$"u{i}"]), "admin"); return 0; }
            catch (StreamJobsException e) { return e.Code; }
        })));
        Assert.Single(results, r => r == 0);
        Assert.All(results.Where(r => r != 0), r => Assert.Equal(ErrorCodes.ProjectNameExists, r));
        Assert.Single(await domain.Projects.GetMembersAsync((await domain.Projects.FindAsync("race"))!.Id));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Update_replaces_given_member_lists_and_keeps_the_others(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var p1 = (await domain.Projects.FindAsync("p1"))!;
        await domain.Projects.UpdateAsync(p1.Id, "p1", null, new ProjectMembers(EditUsers: ["erin", "bob "]), "admin");
        Assert.True(await domain.Projects.HasPrivilegeAsync("erin", "p1", ProjectPrivilege.Edit));
        Assert.True(await domain.Projects.HasPrivilegeAsync("bob", "p1", ProjectPrivilege.Edit));
        Assert.Equal(ProjectPrivilege.Release, await domain.Projects.GetPrivilegeAsync("alice", "p1"));

        await domain.Projects.UpdateAsync(p1.Id, "p1", null, new ProjectMembers(EditUsers: []), "admin");
        Assert.False(await domain.Projects.HasPrivilegeAsync("erin", "p1", ProjectPrivilege.Edit));
        Assert.True(await domain.Projects.HasPrivilegeAsync("carol", "p1", ProjectPrivilege.Access));
        var updated = (await domain.Projects.FindAsync(p1.Id))!;
        Assert.Equal("admin", updated.LastUpdateBy);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Renaming_a_project_carries_its_jobs_and_refuses_a_taken_name(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var jobId = await domain.CreateJobAsync();
        await domain.Projects.CreateAsync("p2", null, new ProjectMembers(), "admin");
        var p1 = (await domain.Projects.FindAsync("p1"))!;
        var clash = await Assert.ThrowsAsync<StreamJobsException>(() => domain.Projects.UpdateAsync(p1.Id, "p2", null, new ProjectMembers(), "admin"));
        Assert.Equal(ErrorCodes.ProjectNameExists, clash.Code);

        await domain.Projects.UpdateAsync(p1.Id, "p1-renamed", null, new ProjectMembers(), "admin");
        Assert.Equal("p1-renamed", (await domain.Jobs.FindAsync(jobId))!.ProjectName);
        Assert.True(await domain.Projects.HasPrivilegeAsync("alice", "p1-renamed", ProjectPrivilege.Release));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Bad_project_input_is_refused_with_nothing_written(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        await Assert.ThrowsAsync<StreamJobsException>(() => domain.Projects.CreateAsync(" ", null, new ProjectMembers(), "x"));
        await Assert.ThrowsAsync<StreamJobsException>(() => domain.Projects.CreateAsync(new string('x', 101), null, new ProjectMembers(), "x"));
        var missing = await Assert.ThrowsAsync<StreamJobsException>(() => domain.Projects.DeleteAsync(999, "x"));
        Assert.Equal(StreamJobsErrorKind.NotFound, missing.Kind);
        Assert.Null(await domain.Projects.SearchIdAsync(new string('x', 101)));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Job_creator_and_visible_users_pass_job_checks_without_project_rank(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        await domain.Projects.UpdateAsync((await domain.Projects.FindAsync("p1"))!.Id, "p1", null, new ProjectMembers(EditUsers: ["frank"]), "admin");
        var jobId = await domain.CreateJobAsync(user: "frank");
        await domain.Projects.UpdateAsync((await domain.Projects.FindAsync("p1"))!.Id, "p1", null, new ProjectMembers(EditUsers: []), "admin");

        Assert.True(await domain.Projects.CanOnJobAsync("frank", jobId, ProjectPrivilege.Edit));
        Assert.False(await domain.Projects.CanOnJobAsync("gina", jobId, ProjectPrivilege.Access));
        Assert.True(await domain.Projects.CanOnJobAsync("carol", jobId, ProjectPrivilege.Access));
        Assert.False(await domain.Projects.CanOnJobAsync("carol", jobId, ProjectPrivilege.Edit));

        var saved = await domain.Config.SaveJsonAsync(jobId, new JsonObject { [ConfigKeys.AuthorityGroup] = new JsonObject { [ConfigKeys.AuthorityVisible] = "gina, hank" } });
        Assert.True(saved.Saved);
        Assert.True(await domain.Projects.CanOnJobAsync("gina", jobId, ProjectPrivilege.Edit));
        Assert.True(await domain.Projects.CanOnJobAsync("hank", jobId, ProjectPrivilege.Edit));
        await Assert.ThrowsAsync<StreamJobsException>(() => domain.Projects.CanOnJobAsync("gina", 4242, ProjectPrivilege.Access));
    }
}
