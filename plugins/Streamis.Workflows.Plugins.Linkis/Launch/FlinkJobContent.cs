namespace Streamis.Workflows.Plugins.Linkis.Launch;

/// <summary>A job's content made ready for Linkis: the SQL text, or the jars and resources uploaded to BML.</summary>
internal abstract record FlinkJobContent(string CodeType);

internal sealed record SqlJobContent(string Sql) : FlinkJobContent("sql");

/// <summary><see cref="DependencyJars"/> is null when the job lists none (then resources are shipped as YARN directories).</summary>
internal sealed record JarJobContent(
    BmlResource MainJar,
    string MainClass,
    IReadOnlyList<string> Args,
    IReadOnlyList<string> HdfsJars,
    IReadOnlyList<BmlResource>? DependencyJars,
    IReadOnlyList<BmlResource> Resources) : FlinkJobContent("jar");
