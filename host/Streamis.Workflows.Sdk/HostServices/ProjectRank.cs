namespace Streamis.Workflows.Sdk.HostServices;

/// <summary>Streamis' project ranks with its codes; a lower number includes the higher ones (release ⊇ edit ⊇ access).</summary>
public enum ProjectRank
{
    Release = 1,
    Edit = 2,
    Access = 3,
}
