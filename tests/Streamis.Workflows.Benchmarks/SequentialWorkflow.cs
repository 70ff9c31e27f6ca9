namespace Streamis.Workflows.Benchmarks;

/// <summary>The workflow every engine benchmark runs: a Sequence of ten trivial AddOne steps.</summary>
public static class SequentialWorkflow
{
    public const int Steps = 10;

    public const string Id = "sequential-10";

    public static readonly string Json = $$"""
        {
          "id": "{{Id}}", "name": "Ten trivial steps",
          "root": {"id": "sequence", "type": "Sequence", "activities": [
            {{string.Join(",\n", Enumerable.Range(1, Steps).Select(i => $$$"""{"id": "step{{{i}}}", "type": "AddOne", "inputs": {"value": {{{i}}}}}"""))}}
          ]}
        }
        """;
}
