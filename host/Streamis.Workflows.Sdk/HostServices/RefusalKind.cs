namespace Streamis.Workflows.Sdk.HostServices;

public enum RefusalKind
{
    Invalid,
    NotFound,
    Conflict,
    Forbidden,
}
