namespace Company.StreamisPlugin;

/// <summary>The plugin's settings, read from its configuration section by the entry point.</summary>
public sealed record GreetingSettings(string Greeting);
