using Microsoft.EntityFrameworkCore;
using Streamis.Workflows.Engine.Definitions;
using Streamis.Workflows.Engine.Runtime;
using Streamis.Workflows.Persistence.Entities;

namespace Streamis.Workflows.Persistence.Stores;

public sealed class EfDefinitionStore(WorkflowDatabase database, TimeProvider clock) : IDefinitionStore
{
    public async Task<DefinitionRecord?> FindAsync(string definitionId, int? version, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var query = db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId);
        var row = version is { } v
            ? await query.FirstOrDefaultAsync(d => d.Version == v, cancellationToken).ConfigureAwait(false)
            : await query.FirstOrDefaultAsync(d => d.IsPublished, cancellationToken).ConfigureAwait(false);
        return row is null ? null : Record(row);
    }

    public async Task<DefinitionRecord> SaveDraftAsync(WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var now = UnixTime.Ms(clock.GetUtcNow());
        var latest = await db.Definitions.Where(d => d.DefinitionId == definition.Id)
            .OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        DefinitionEntity row;
        if (latest is { PublishedAt: null })
        {
            row = latest;
        }
        else
        {
            if (latest is not null) latest.IsLatest = false;
            row = new DefinitionEntity { DefinitionId = definition.Id, Version = (latest?.Version ?? 0) + 1, IsLatest = true, CreatedAt = now };
            db.Definitions.Add(row);
        }
        definition.Version = row.Version;
        row.Name = definition.Name;
        row.Description = definition.Description;
        row.Json = DefinitionWriter.Write(definition);
        row.Hash = DefinitionHash.Of(definition);
        row.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Record(row);
    }

    public async Task<DefinitionRecord?> PublishAsync(string definitionId, int? version, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Definitions.Where(d => d.DefinitionId == definitionId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var target = version is { } v ? rows.FirstOrDefault(r => r.Version == v) : rows.MaxBy(r => r.Version);
        if (target is null) return null;
        var now = UnixTime.Ms(clock.GetUtcNow());
        foreach (var row in rows.Where(r => r.IsPublished && r != target)) row.IsPublished = false;
        target.IsPublished = true;
        target.PublishedAt ??= now;
        target.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Record(target);
    }

    public async Task<bool> RetractAsync(string definitionId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var changed = await db.Definitions.Where(d => d.DefinitionId == definitionId && d.IsPublished)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.IsPublished, false), cancellationToken).ConfigureAwait(false);
        return changed > 0;
    }

    public async Task<IReadOnlyList<DefinitionRecord>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var rows = await db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId)
            .OrderByDescending(d => d.Version).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(Record).ToList();
    }

    public async Task<IReadOnlyList<DefinitionSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var rows = await db.Definitions.AsNoTracking()
            .Where(d => d.IsLatest || d.IsPublished)
            .Select(d => new { d.DefinitionId, d.Version, d.Name, d.Description, d.IsLatest, d.IsPublished, d.UpdatedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(r => r.DefinitionId)
            .Select(g =>
            {
                var latest = g.Where(r => r.IsLatest).MaxBy(r => r.Version) ?? g.MaxBy(r => r.Version)!;
                var published = g.FirstOrDefault(r => r.IsPublished);
                return new DefinitionSummary(g.Key, latest.Name, latest.Description, latest.Version, published?.Version, UnixTime.At(g.Max(r => r.UpdatedAt)));
            })
            .OrderBy(s => s.DefinitionId, StringComparer.Ordinal)
            .ToList();
    }

    private static DefinitionRecord Record(DefinitionEntity row) =>
        new(row.DefinitionId, row.Version, row.Name, row.Description, row.IsLatest, row.IsPublished, row.Json, row.Hash,
            UnixTime.At(row.CreatedAt), UnixTime.At(row.UpdatedAt));
}
