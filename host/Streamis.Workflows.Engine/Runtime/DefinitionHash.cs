using System.Security.Cryptography;
using System.Text;
using Streamis.Workflows.Engine.Definitions;

namespace Streamis.Workflows.Engine.Runtime;

/// <summary>Identifies a definition's content regardless of its version number, to load files idempotently.</summary>
public static class DefinitionHash
{
    public static string Of(WorkflowDefinition definition)
    {
        var json = DefinitionWriter.ToJson(definition);
        json.Remove("version");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json.ToJsonString()))).ToLowerInvariant();
    }
}
