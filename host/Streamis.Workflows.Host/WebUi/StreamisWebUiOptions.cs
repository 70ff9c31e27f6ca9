namespace Streamis.Workflows.Host.WebUi;

/// <summary>The <c>StreamisWebUi</c> section: a Streamis web UI build (its <c>dist</c> folder) served from this host's origin.</summary>
public sealed class StreamisWebUiOptions
{
    public const string Section = "StreamisWebUi";

    /// <summary>The folder holding index.html and the assets; nothing is served when unset.</summary>
    public string? Directory { get; set; }

    /// <summary>Where the UI is served; must not be taken by the designer or the APIs.</summary>
    public string Path { get; set; } = "/streamis";
}
