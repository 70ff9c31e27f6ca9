using System.CommandLine;
using Spectre.Console;
using Streamis.Workflows.Cli.Connection;

namespace Streamis.Workflows.Cli;

/// <summary>What every command shares: the console, the connection options, and how to reach the host.</summary>
public sealed class CliContext(IAnsiConsole console, Func<HostConnection, HttpClient> connect)
{
    public IAnsiConsole Console { get; } = console;

    public Option<string?> Host { get; } = new("--host") { Description = $"The host's URL [env STREAMIS_HOST, default {HostConnection.DefaultHost}]", Recursive = true };

    public Option<string?> Token { get; } = new("--token") { Description = "Access token [env STREAMIS_TOKEN]", Recursive = true };

    public Option<string?> User { get; } = new("--user") { Description = "Send the token as Token-User/Token-Code for this user instead of a bearer token [env STREAMIS_USER]", Recursive = true };

    public IEnumerable<Option> GlobalOptions => [Host, Token, User];

    public HostClient ClientFor(ParseResult parsed) =>
        new(connect(HostConnection.From(parsed.GetValue(Host), parsed.GetValue(Token), parsed.GetValue(User))));
}
