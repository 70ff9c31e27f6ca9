using Streamis.Workflows.Designer.Tests.Support;

namespace Streamis.Workflows.Designer.Tests;

/// <summary>The designer's own checks, run here so that the README's one test command covers them.</summary>
public sealed class FrontEndTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_designers_unit_tests_pass()
    {
        Assert.SkipWhen(NodeTool.Unavailable() is not null, NodeTool.Unavailable() ?? "");
        var (exitCode, text) = await NodeTool.RunAsync("node_modules/vitest/vitest.mjs", "run");
        output.WriteLine(text);
        Assert.True(exitCode == 0, text);
    }

    [Fact]
    public async Task The_designers_TypeScript_type_checks()
    {
        Assert.SkipWhen(NodeTool.Unavailable() is not null, NodeTool.Unavailable() ?? "");
        var (exitCode, text) = await NodeTool.RunAsync("node_modules/typescript/bin/tsc", "--noEmit", "-p", ".");
        Assert.True(exitCode == 0, text);
    }
}
