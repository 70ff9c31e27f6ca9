using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.StreamJobs.Activities;

/// <summary>
/// Streamis' job-level check: the job's creator and its visible users pass, anyone else needs the project privilege.
/// A workflow run by the host itself (no user) or by a caller that checked already passes.
/// </summary>
[Activity(Category.StreamJobs, "Check job permission", Description = "Allowed when the user may act on the job (creator, visible user or project privilege).",
    Outcomes = ["Allowed", "Denied"], Icon = "lock")]
public sealed class CheckJobPermission : Activity
{
    [Input(Description = "The job", Required = true)]
    public Input<long> JobId { get; set; } = default!;

    [Input(Description = "Who acts; empty means the host itself, which needs no check")]
    public Input<string?> User { get; set; } = default!;

    [Input(Description = "Project privilege needed unless the user created the job or is one of its visible users", Default = "Edit")]
    public Input<ProjectPrivilege> Privilege { get; set; } = default!;

    [Input(Description = "Off when the caller has checked already (the Streamis API, which also knows host admins)", Default = true)]
    public Input<bool> Check { get; set; } = default!;

    [Output(Description = "Why the user was denied")]
    public Output<string?> Message { get; set; } = default!;

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var user = context.Get(User);
        if (!context.Get(Check) || string.IsNullOrWhiteSpace(user)) return Outcome("Allowed");
        var jobId = context.Get(JobId);
        var privilege = context.Get(Privilege);
        if (await context.Get<ProjectService>().CanOnJobAsync(user, jobId, privilege, context.CancellationToken)) return Outcome("Allowed");
        context.Set(Message, $"{user} has no permission to operate StreamJob [{jobId}]: it needs {privilege.ToString().ToLowerInvariant()} privilege on its project, or to be its creator or a visible user");
        return Outcome("Denied");
    }
}
