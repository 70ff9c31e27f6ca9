using Microsoft.EntityFrameworkCore;
using Streamis.Workflows.Persistence.Entities;

namespace Streamis.Workflows.Persistence;

/// <summary>
/// The one model behind both providers. Tables and columns are snake_case and unquoted-safe, so the few
/// hand-written statements read the same on SQLite and MySQL.
/// </summary>
public abstract class WorkflowDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<DefinitionEntity> Definitions => Set<DefinitionEntity>();

    public DbSet<InstanceEntity> Instances => Set<InstanceEntity>();

    public DbSet<BookmarkEntity> Bookmarks => Set<BookmarkEntity>();

    public DbSet<JournalEntity> Journal => Set<JournalEntity>();

    public DbSet<WorkItemEntity> WorkItems => Set<WorkItemEntity>();

    /// <summary>Journal lines written since batching; <see cref="Journal"/> holds those written before, one per row.</summary>
    public DbSet<JournalBatchEntity> JournalBatches => Set<JournalBatchEntity>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<DefinitionEntity>(e =>
        {
            e.ToTable("wf_definitions");
            e.Property(x => x.DefinitionId).HasMaxLength(128);
            e.Property(x => x.Name).HasMaxLength(256);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.HasIndex(x => new { x.DefinitionId, x.Version }).IsUnique();
            e.HasIndex(x => new { x.DefinitionId, x.IsPublished });
            e.HasIndex(x => new { x.DefinitionId, x.IsLatest });
        });
        model.Entity<InstanceEntity>(e =>
        {
            e.ToTable("wf_instances");
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.DefinitionId).HasMaxLength(128);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.SubStatus).HasMaxLength(16);
            e.Property(x => x.CorrelationId).HasMaxLength(256);
            e.Property(x => x.Name).HasMaxLength(256);
            e.Property(x => x.LeaseOwner).HasMaxLength(128);
            e.HasIndex(x => x.CreatedAt);
            e.HasIndex(x => new { x.SubStatus, x.CreatedAt });
            e.HasIndex(x => new { x.DefinitionId, x.CreatedAt });
            e.HasIndex(x => x.CorrelationId);
            e.HasIndex(x => new { x.Status, x.FinishedAt });
        });
        model.Entity<BookmarkEntity>(e =>
        {
            e.ToTable("wf_bookmarks");
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.InstanceId).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(128);
            e.Property(x => x.Key).HasMaxLength(512);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.CorrelationId).HasMaxLength(256);
            e.Property(x => x.ActivityId).HasMaxLength(128);
            e.HasIndex(x => new { x.Hash, x.CorrelationId });
            e.HasIndex(x => x.InstanceId);
            e.HasIndex(x => x.ResumeAt);
        });
        model.Entity<JournalEntity>(e =>
        {
            e.ToTable("wf_journal");
            e.Property(x => x.InstanceId).HasMaxLength(64);
            e.Property(x => x.ActivityId).HasMaxLength(128);
            e.Property(x => x.ActivityType).HasMaxLength(128);
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.Outcome).HasMaxLength(128);
            e.Property(x => x.ErrorType).HasMaxLength(256);
            e.Property(x => x.Severity).HasMaxLength(16);
            e.Property(x => x.NodeId).HasMaxLength(128);
            e.HasIndex(x => new { x.InstanceId, x.Sequence }).IsUnique();
        });
        model.Entity<JournalBatchEntity>(e =>
        {
            e.ToTable("wf_journal_batches");
            e.Property(x => x.InstanceId).HasMaxLength(64);
            e.Property(x => x.NodeId).HasMaxLength(128);
            e.HasIndex(x => new { x.InstanceId, x.FirstSequence }).IsUnique();
        });
        model.Entity<WorkItemEntity>(e =>
        {
            e.ToTable("wf_work_items");
            e.Property(x => x.InstanceId).HasMaxLength(64);
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.BookmarkId).HasMaxLength(64);
            e.HasIndex(x => x.DueAt);
            e.HasIndex(x => x.InstanceId);
            e.HasIndex(x => x.BookmarkId).IsUnique();
        });

        SnakeCaseColumns.Apply(model);
    }
}
