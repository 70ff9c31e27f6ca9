namespace Streamis.Workflows.Engine.Activities;

/// <summary>A Switch case: it matches when <see cref="Condition"/> (a Scriban expression) is true, or when the switch value equals <see cref="Value"/>.</summary>
public sealed record SwitchCase(string Name, string? Condition = null, object? Value = null);
