namespace Streamis.Workflows.Sdk.Connectors;

/// <summary>Streamis' alert levels, with its codes.</summary>
public enum AlertLevel
{
    Critical = 1,
    Major = 2,
    Minor = 3,
    Warning = 4,
    Info = 5,
}
