using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Streamis.Workflows.Persistence;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Alerts;
using Streamis.Workflows.StreamJobs.Config;
using Streamis.Workflows.StreamJobs.ProjectFiles;
using Streamis.Workflows.StreamJobs.Services;
using Streamis.Workflows.StreamJobs.Upload;

namespace Streamis.Workflows.StreamJobs;

public static class StreamJobsServiceCollectionExtensions
{
    /// <summary>The stream-job domain over the registered <see cref="WorkflowDatabase"/>, with the log alerter built in.</summary>
    public static IServiceCollection AddStreamJobs(this IServiceCollection services, StreamJobsOptions options)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(sp => new StreamJobsDatabase(sp.GetRequiredService<WorkflowDatabase>()));
        services.AddSingleton(new JobUploadReader(options.Upload));
        services.AddSingleton(new JobFileStore(options.FileStoreDirectory));
        services.AddSingleton<ProjectService>();
        services.AddSingleton<JobService>();
        services.AddSingleton<TaskService>();
        services.AddSingleton<JobStateService>();
        services.AddSingleton<JobConfigService>();
        services.AddSingleton<AlertService>();
        services.AddSingleton<ProjectFileService>();
        services.AddSingleton<JobFileResolver>();
        services.AddSingleton<IAlerter, LogAlerter>();
        return services;
    }
}
