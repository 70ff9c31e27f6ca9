using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Streamis.Workflows.Host.Hosting;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Host.Login;

public static class LoginServices
{
    /// <summary>
    /// Password login for the Streamis web UI. Data Protection keys live in the data folder, so sessions survive a
    /// restart; nodes sharing a database must share that folder's <c>keys</c> (or sign in through Linkis instead).
    /// </summary>
    public static IServiceCollection AddStreamisLogin(this IServiceCollection services, IConfiguration configuration, HostPaths paths)
    {
        var options = configuration.GetSection(LoginOptions.Section).Get<LoginOptions>() ?? new LoginOptions();
        foreach (var (user, i) in options.Users.Select((u, i) => (u, i)))
        {
            if (string.IsNullOrWhiteSpace(user.UserName)) throw new InvalidOperationException($"{LoginOptions.Section}:Users:{i}:UserName is empty");
            if (string.IsNullOrWhiteSpace(user.PasswordHash))
                throw new InvalidOperationException($"{LoginOptions.Section}:Users:{i}:PasswordHash is empty: make one with `hash-password` (see README)");
        }
        if (options.SessionDuration <= TimeSpan.Zero) throw new InvalidOperationException($"{LoginOptions.Section}:SessionDuration must be positive");
        services.AddSingleton(options);
        services.AddDataProtection().SetApplicationName("Streamis.Workflows")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(paths.DataDirectory, "keys")));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SessionTicket>();
        services.AddSingleton<LoginThrottle>();
        // First in the chain: a ticket this host issued needs no round trip to a Linkis gateway.
        services.Insert(0, ServiceDescriptor.Singleton<IUserResolver, LoginSessionResolver>());
        return services;
    }
}
