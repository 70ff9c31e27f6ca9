namespace Streamis.Workflows.StreamJobs.Models;

/// <summary>Streamis' ranks; a lower number includes the higher ones (release ⊇ edit ⊇ access).</summary>
public enum ProjectPrivilege
{
    Release = 1,
    Edit = 2,
    Access = 3,
}
