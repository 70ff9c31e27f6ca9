namespace Streamis.Workflows.StreamJobs.Entities;

/// <summary>A configuration definition (Streamis <c>linkis_stream_job_config_def</c>): a group (type NONE) or a leaf.</summary>
public sealed class ConfigDefinitionEntity
{
    public long Id { get; set; }

    public string Key { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>NONE, INPUT, SELECT or NUMBER.</summary>
    public string Type { get; set; } = "";

    public int Sort { get; set; }

    public string? Description { get; set; }

    /// <summary><c>Regex</c> or <c>NumberRange</c> (rule <c>min,max</c>); null for none.</summary>
    public string? ValidateType { get; set; }

    public string? ValidateRule { get; set; }

    public string? Style { get; set; }

    public bool Visible { get; set; } = true;

    /// <summary>0 = root group, 1 = leaf (or a parentless group, as the seeded alert rows are).</summary>
    public int Level { get; set; }

    public string? Unit { get; set; }

    public string? DefaultValue { get; set; }

    /// <summary>Options of a SELECT, comma separated.</summary>
    public string? RefValues { get; set; }

    public long? ParentRef { get; set; }

    public bool Required { get; set; }

    /// <summary>A one-shot value, cleared after a successful launch.</summary>
    public bool IsTemp { get; set; }

    /// <summary>Retired definitions are no longer offered, validated against nor served; rows and job values stay, so the key can come back.</summary>
    public bool IsRetired { get; set; }
}
