using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.TestPlugins.Faulty;

/// <summary>Throws instead of finishing, as a buggy plugin activity would.</summary>
[Activity("Test plugins", "Throwing step")]
public sealed class ThrowingStep : Activity
{
    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        throw new InvalidOperationException("the throwing step threw, as it always does");
}
