using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Streamis.Workflows.Host.Tests.Hostile;

/// <summary>
/// One method of one route as the running host maps it (read from its <see cref="EndpointDataSource"/>, so an
/// endpoint added later is fuzzed and swept without anyone listing it), with what its metadata says about callers.
/// </summary>
public sealed record HostEndpoint(string Method, RoutePattern Pattern, bool Anonymous, IReadOnlyList<string> Policies, IReadOnlyList<string> HandlerParameters)
{
    /// <summary>"METHOD pattern", as the authorisation matrix keys it.</summary>
    public string Key => $"{Method} {Pattern.RawText!.TrimEnd('/')}";

    public IEnumerable<string> RouteParameters => Pattern.Parameters.Select(p => p.Name);

    /// <summary>A concrete path with each route parameter given by <paramref name="fill"/> (already escaped by it).</summary>
    public string Path(Func<string, string> fill)
    {
        var path = new StringBuilder();
        foreach (var segment in Pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => fill(parameter.Name),
                    _ => "",
                });
        }
        return path.Length == 0 ? "/" : path.ToString();
    }

    public override string ToString() => Key;

    /// <summary>Every endpoint of the host behind <paramref name="services"/>, one per HTTP method.</summary>
    public static IReadOnlyList<HostEndpoint> All(IServiceProvider services)
    {
        var endpoints = new List<HostEndpoint>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
            // Minimal APIs keep their handler in the metadata: its simple parameters are query parameters worth fuzzing.
            var parameters = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault()?.GetParameters()
                .Where(p => p.Name is not null && IsSimple(p.ParameterType)).Select(p => p.Name!).ToList() ?? [];
            foreach (var method in methods)
                endpoints.Add(new HostEndpoint(method, endpoint.RoutePattern, anonymous, policies, parameters));
        }
        return endpoints;
    }

    private static bool IsSimple(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        return inner.IsPrimitive || inner == typeof(string) || inner == typeof(DateTimeOffset) || inner == typeof(DateTime) || inner.IsEnum;
    }
}
