using Microsoft.EntityFrameworkCore;
using Streamis.Workflows.Persistence;
using Streamis.Workflows.StreamJobs.Config;
using Streamis.Workflows.StreamJobs.Entities;
using Streamis.Workflows.StreamJobs.ProjectFiles;

namespace Streamis.Workflows.StreamJobs;

/// <summary>
/// The stream-job tables (<c>sj_</c>), in the workflow database but with a migrations history of their own.
/// Times are Unix milliseconds, columns snake_case, as in the workflow tables.
/// </summary>
public abstract class StreamJobsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__StreamJobsMigrationsHistory";

    public DbSet<ProjectEntity> Projects => Set<ProjectEntity>();

    public DbSet<ProjectPrivilegeEntity> ProjectPrivileges => Set<ProjectPrivilegeEntity>();

    public DbSet<JobEntity> Jobs => Set<JobEntity>();

    public DbSet<JobVersionEntity> JobVersions => Set<JobVersionEntity>();

    public DbSet<JobVersionFileEntity> JobVersionFiles => Set<JobVersionFileEntity>();

    public DbSet<TaskEntity> Tasks => Set<TaskEntity>();

    public DbSet<JobStateEntity> JobStates => Set<JobStateEntity>();

    public DbSet<ConfigDefinitionEntity> ConfigDefinitions => Set<ConfigDefinitionEntity>();

    public DbSet<JobConfigEntity> JobConfigs => Set<JobConfigEntity>();

    public DbSet<AlertRecordEntity> AlertRecords => Set<AlertRecordEntity>();

    public DbSet<ProjectFileEntity> ProjectFiles => Set<ProjectFileEntity>();

    public DbSet<BulkRunEntity> BulkRuns => Set<BulkRunEntity>();

    public DbSet<BulkItemEntity> BulkItems => Set<BulkItemEntity>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<ProjectEntity>(e =>
        {
            e.ToTable("sj_projects");
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.ActiveName).HasMaxLength(100);
            e.Property(x => x.CreateBy).HasMaxLength(64);
            e.Property(x => x.LastUpdateBy).HasMaxLength(64);
            e.HasIndex(x => x.ActiveName).IsUnique();
            e.HasIndex(x => x.Name);
        });
        model.Entity<ProjectPrivilegeEntity>(e =>
        {
            e.ToTable("sj_project_privileges");
            e.Property(x => x.UserName).HasMaxLength(64);
            e.HasIndex(x => new { x.ProjectId, x.UserName, x.Privilege }).IsUnique();
            e.HasIndex(x => x.UserName);
        });
        model.Entity<JobEntity>(e =>
        {
            e.ToTable("sj_jobs");
            e.Property(x => x.ProjectName).HasMaxLength(100);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.JobType).HasMaxLength(30);
            e.Property(x => x.EngineName).HasMaxLength(64);
            e.Property(x => x.Label).HasMaxLength(200);
            e.Property(x => x.Description).HasMaxLength(1000);
            e.Property(x => x.CreateBy).HasMaxLength(64);
            e.Property(x => x.SubmitUser).HasMaxLength(64);
            e.Property(x => x.WorkspaceName).HasMaxLength(100);
            e.HasIndex(x => new { x.ProjectName, x.Name }).IsUnique();
        });
        model.Entity<JobVersionEntity>(e =>
        {
            e.ToTable("sj_job_versions");
            e.Property(x => x.Version).HasMaxLength(20);
            e.Property(x => x.Source).HasMaxLength(255);
            e.Property(x => x.Comment).HasMaxLength(255);
            e.Property(x => x.CreateBy).HasMaxLength(64);
            e.HasIndex(x => new { x.JobId, x.Version }).IsUnique();
        });
        model.Entity<JobVersionFileEntity>(e =>
        {
            e.ToTable("sj_job_version_files");
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.Version).HasMaxLength(20);
            e.Property(x => x.StorePath).HasMaxLength(1000);
            e.Property(x => x.StoreType).HasMaxLength(20);
            e.Property(x => x.CreateBy).HasMaxLength(64);
            e.HasIndex(x => new { x.JobVersionId, x.FileName }).IsUnique();
        });
        model.Entity<TaskEntity>(e =>
        {
            e.ToTable("sj_tasks");
            e.Property(x => x.Version).HasMaxLength(20);
            e.Property(x => x.ErrDesc).HasMaxLength(10240);
            e.Property(x => x.SubmitUser).HasMaxLength(64);
            e.Property(x => x.EngineName).HasMaxLength(64);
            e.Property(x => x.EngineJobId).HasMaxLength(512);
            e.Property(x => x.ExecutionId).HasMaxLength(128);
            e.HasIndex(x => x.ActiveJobId).IsUnique();
            e.HasIndex(x => new { x.JobId, x.Id });
            e.HasIndex(x => x.Status);
        });
        model.Entity<JobStateEntity>(e =>
        {
            e.ToTable("sj_job_states");
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.Location).HasMaxLength(1000);
            e.HasIndex(x => new { x.JobId, x.Timestamp });
            e.HasIndex(x => x.TaskId);
        });
        model.Entity<ConfigDefinitionEntity>(e =>
        {
            e.ToTable("sj_config_definitions");
            e.Property(x => x.Key).HasMaxLength(128);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Type).HasMaxLength(20);
            e.Property(x => x.Description).HasMaxLength(500);
            e.Property(x => x.ValidateType).HasMaxLength(20);
            e.Property(x => x.ValidateRule).HasMaxLength(255);
            e.Property(x => x.Style).HasMaxLength(200);
            e.Property(x => x.Unit).HasMaxLength(20);
            e.Property(x => x.DefaultValue).HasMaxLength(ConfigKeys.MaxValueLength);
            e.Property(x => x.RefValues).HasMaxLength(500);
            e.HasIndex(x => x.Key).IsUnique();
            e.HasData(SeedDefinitions.All);
        });
        model.Entity<JobConfigEntity>(e =>
        {
            e.ToTable("sj_job_configs");
            e.HasKey(x => new { x.JobId, x.Key });
            e.Property(x => x.Key).HasMaxLength(128);
            e.Property(x => x.JobName).HasMaxLength(200);
            e.Property(x => x.Value).HasMaxLength(ConfigKeys.MaxValueLength);
        });
        model.Entity<AlertRecordEntity>(e =>
        {
            e.ToTable("sj_alert_records");
            e.Property(x => x.AlertLevel).HasMaxLength(16);
            e.Property(x => x.AlertUser).HasMaxLength(64);
            e.Property(x => x.AlertMsg).HasMaxLength(4000);
            e.Property(x => x.ErrorMsg).HasMaxLength(2000);
            e.HasIndex(x => new { x.JobId, x.CreateTime });
        });
        model.Entity<ProjectFileEntity>(e =>
        {
            e.ToTable("sj_project_files");
            e.Property(x => x.ProjectName).HasMaxLength(100);
            e.Property(x => x.FileName).HasMaxLength(ProjectFileService.MaxFileNameLength);
            e.Property(x => x.Version).HasMaxLength(ProjectFileService.MaxVersionLength);
            e.Property(x => x.StorePath).HasMaxLength(1000);
            e.Property(x => x.StoreType).HasMaxLength(20);
            e.Property(x => x.Comment).HasMaxLength(ProjectFileService.MaxCommentLength);
            e.Property(x => x.CreateBy).HasMaxLength(64);
            e.HasIndex(x => new { x.ProjectId, x.FileName, x.Version }).IsUnique();
            e.HasIndex(x => new { x.ProjectName, x.FileName });
        });
        model.Entity<BulkRunEntity>(e =>
        {
            e.ToTable("sj_bulk_runs");
            e.HasKey(x => x.InstanceId);
            e.Property(x => x.InstanceId).HasMaxLength(64);
            e.Property(x => x.Operation).HasMaxLength(16);
        });
        model.Entity<BulkItemEntity>(e =>
        {
            e.ToTable("sj_bulk_items");
            e.Property(x => x.InstanceId).HasMaxLength(64);
            e.Property(x => x.JobName).HasMaxLength(200);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.Message).HasMaxLength(2000);
            e.Property(x => x.SavepointPath).HasMaxLength(1000);
            e.HasIndex(x => new { x.InstanceId, x.Position }).IsUnique();
        });

        SnakeCaseColumns.Apply(model);
    }
}
