using System.CommandLine;
using System.CommandLine.Parsing;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Cli.Commands;

/// <summary>Arguments and options several commands take, with the checks that keep a bad value from reaching the host.</summary>
internal static class Arguments
{
    public static Argument<long> JobId(string description = "The job's id") => Positive(new Argument<long>("jobId") { Description = description });

    public static Argument<long[]> Ids(string name, string description) =>
        Positive(new Argument<long[]>(name) { Description = description, Arity = ArgumentArity.OneOrMore });

    private static Argument<T> Positive<T>(Argument<T> argument)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (!long.TryParse(token.Value, out var id) || id <= 0)
                    result.AddError($"{argument.Name}: \"{token.Value}\" is not a positive whole number");
        });
        return argument;
    }

    public static Option<int> AtLeastOne(string name, string description, int defaultValue, int max)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < 1 || value > max) result.AddError($"{name}: {value} is out of range (1 to {max})");
        });
        return option;
    }

    /// <summary>The name of a Streamis task status code (Running, Failed...), or the number when it has none.</summary>
    public static string StatusName(int code) => Enum.IsDefined(typeof(StreamTaskStatus), code) ? ((StreamTaskStatus)code).ToString() : code.ToString();

    public static string StatusMarkup(int code) => (StreamTaskStatus)code switch
    {
        StreamTaskStatus.Running or StreamTaskStatus.Completed => $"[green]{StatusName(code)}[/]",
        StreamTaskStatus.Failed => $"[red]{StatusName(code)}[/]",
        StreamTaskStatus.Starting or StreamTaskStatus.Stopping or StreamTaskStatus.WaitForRestart => $"[yellow]{StatusName(code)}[/]",
        _ => StatusName(code),
    };
}
