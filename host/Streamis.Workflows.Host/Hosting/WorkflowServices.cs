using Microsoft.AspNetCore.Authentication;
using Streamis.Workflows.Engine.Registry;
using Streamis.Workflows.Engine.Running;
using Streamis.Workflows.Engine.Runtime;
using Streamis.Workflows.Host.Auth;
using Streamis.Workflows.Host.Plugins;
using Streamis.Workflows.Host.PluginServices;
using Streamis.Workflows.Persistence;
using Streamis.Workflows.Persistence.Stores;
using Streamis.Workflows.StreamJobs;
using Streamis.Workflows.StreamJobs.Operations;

namespace Streamis.Workflows.Host.Hosting;

public static class WorkflowServices
{
    /// <summary>Persistence, the stream-job domain, the engine, the durable runtime, plugins, and token authentication, from configuration.</summary>
    public static PluginCatalog AddStreamisWorkflows(this WebApplicationBuilder builder, HostPaths paths, ILogger startupLogger)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSingleton(paths);

        var persistence = configuration.GetSection("Persistence").Get<PersistenceOptions>() ?? new PersistenceOptions();
        persistence.DataDirectory = paths.DataDirectory;
        services.AddSingleton(new WorkflowDatabase(persistence));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IDefinitionStore, EfDefinitionStore>();
        services.AddSingleton<IInstanceStore, EfInstanceStore>();
        // The Streamis domain shares the workflow database; its uploaded job files live with the host's other data.
        var streamJobs = configuration.GetSection("StreamJobs").Get<StreamJobsOptions>() ?? new StreamJobsOptions();
        streamJobs.FileStoreDirectory = paths.JobFilesDirectory;
        services.AddStreamJobs(streamJobs);
        services.AddStreamJobOperations(configuration.GetSection("Operations").Get<OperationsOptions>() ?? new OperationsOptions());
        services.AddSingleton<StreamisRest.StreamisPrivileges>();
        services.AddPluginHostServices();

        var catalog = PluginCatalog.Load(paths.PluginsDirectory, paths.DataDirectory, configuration, services, startupLogger);
        services.AddSingleton(catalog);
        services.AddSingleton(sp =>
        {
            var registry = ActivityRegistry.CreateDefault().AddFromAssembly(typeof(StreamJobs.Activities.LaunchJob).Assembly, "streamjobs");
            catalog.RegisterActivities(registry, sp.GetRequiredService<ILogger<PluginCatalog>>());
            return registry;
        });
        services.AddSingleton(sp => new WorkflowRunner(sp.GetRequiredService<ActivityRegistry>(), new WorkflowRunnerOptions
        {
            Clock = sp.GetRequiredService<TimeProvider>(),
            Services = sp,
            Definitions = new StoreDefinitionProvider(sp.GetRequiredService<IDefinitionStore>(), sp.GetRequiredService<ActivityRegistry>()),
            TemplatesPath = paths.TemplatesDirectory,
            LoggerFactory = sp.GetRequiredService<ILoggerFactory>(),
        }));
        var runtimeOptions = configuration.GetSection("Runtime").Get<WorkflowRuntimeOptions>() ?? new WorkflowRuntimeOptions();
        services.AddSingleton(sp => new WorkflowRuntime(sp.GetRequiredService<WorkflowRunner>(), sp.GetRequiredService<IDefinitionStore>(),
            sp.GetRequiredService<IInstanceStore>(), runtimeOptions, sp.GetRequiredService<ILogger<WorkflowRuntime>>()));
        services.AddSingleton(sp => new DefinitionFileLoader(sp.GetRequiredService<WorkflowRunner>(), sp.GetRequiredService<IDefinitionStore>(),
            sp.GetRequiredService<ILogger<DefinitionFileLoader>>()));
        services.AddHostedService<RuntimeHostedService>();
        // After the runtime's start-up, which publishes the monitor workflow it starts.
        services.AddHostedService<MonitorScheduler>();
        services.AddSingleton<Diagnostics.PrometheusExporter>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        services.Configure<AuthOptions>(configuration.GetSection("Auth"));
        services.AddAuthentication(TokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Read, p => p.RequireRole(Roles.Viewer))
            .AddPolicy(Policies.Operate, p => p.RequireRole(Roles.Operator))
            .AddPolicy(Policies.Administer, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Streamis, p => p.RequireAuthenticatedUser())
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return catalog;
    }
}
