using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Streamis.Workflows.StreamJobs.Entities;
using Streamis.Workflows.StreamJobs.Models;

namespace Streamis.Workflows.StreamJobs.Config;

/// <summary>
/// Configuration definitions (seeded as Streamis 0.2.0, changeable at run time by admins) and per-job values,
/// read and saved as Streamis' nested JSON, validated on the server.
/// </summary>
public sealed class JobConfigService(StreamJobsDatabase database)
{
    public const int MaxCustomKeyLength = 128;

    /// <summary>Root groups (level 0) with their children, ordered by sort descending as Streamis serves them.</summary>
    public async Task<IReadOnlyList<ConfigDefinition>> GetDefinitionsAsync(bool includeRetired = false, CancellationToken cancellationToken = default)
    {
        var all = await LoadDefinitionsAsync(includeRetired, cancellationToken);
        return all.Where(IsRoot).OrderByDescending(d => d.Sort).ThenBy(d => d.Id).Select(d => ToModel(d, all)).ToList();
    }

    public async Task<ConfigDefinition?> FindDefinitionAsync(string key, CancellationToken cancellationToken = default)
    {
        var all = await LoadDefinitionsAsync(includeRetired: true, cancellationToken);
        return all.FirstOrDefault(d => d.Key == key) is { } found ? ToModel(found, all) : null;
    }

    public async Task<ConfigDefinition> AddDefinitionAsync(ConfigDefinitionInput input, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        if (await db.ConfigDefinitions.AnyAsync(d => d.Key == input.Key, cancellationToken))
            throw Bad($"a definition with key {input.Key} exists already (retired ones too: change or un-retire it instead)");
        var entity = new ConfigDefinitionEntity();
        await ApplyAsync(db, entity, input, cancellationToken);
        db.ConfigDefinitions.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        ForgetDefinitions();
        return ToModel(entity, [entity]);
    }

    public async Task<ConfigDefinition> UpdateDefinitionAsync(string key, ConfigDefinitionInput input, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var entity = await db.ConfigDefinitions.SingleOrDefaultAsync(d => d.Key == key, cancellationToken) ?? throw Missing(key);
        if (input.Key != key && await db.ConfigDefinitions.AnyAsync(d => d.Key == input.Key, cancellationToken))
            throw Bad($"a definition with key {input.Key} exists already");
        var wasGroup = entity.Type == "NONE";
        await ApplyAsync(db, entity, input, cancellationToken);
        if (wasGroup != (entity.Type == "NONE") && await db.ConfigDefinitions.AnyAsync(d => d.ParentRef == entity.Id, cancellationToken))
            throw Bad($"{key} has children, so it must stay a group (type NONE)");
        if (input.Key != key)
            await db.JobConfigs.Where(c => c.Key == key && c.RefDefId == entity.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Key, input.Key), cancellationToken);
        entity.IsRetired = false;
        await db.SaveChangesAsync(cancellationToken);
        ForgetDefinitions();
        return ToModel(entity, [entity]);
    }

    /// <summary>Takes a definition (and a group's children) out of service; stored job values under it stop being served.</summary>
    public async Task RetireDefinitionAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var entity = await db.ConfigDefinitions.SingleOrDefaultAsync(d => d.Key == key, cancellationToken) ?? throw Missing(key);
        entity.IsRetired = true;
        await db.ConfigDefinitions.Where(d => d.ParentRef == entity.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.IsRetired, true), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        ForgetDefinitions();
    }

    /// <summary>The job's configuration as <c>{group: {key: value}}</c>, defaults filled in and free keys of the custom group kept.</summary>
    public async Task<JsonObject> GetJsonAsync(long jobId, CancellationToken cancellationToken = default)
    {
        var definitions = await LoadDefinitionsAsync(false, cancellationToken);
        await using var db = database.CreateContext();
        var rows = await db.JobConfigs.AsNoTracking().Where(c => c.JobId == jobId).ToListAsync(cancellationToken);
        var result = new JsonObject();
        foreach (var root in definitions.Where(IsRoot).OrderByDescending(d => d.Sort).ThenBy(d => d.Id))
            result[root.Key] = GroupJson(root, definitions, rows);
        return result;
    }

    /// <summary>
    /// Validates the whole body first (every bad field is reported, nothing is written then); otherwise replaces the
    /// job's values under the groups with it, supplemented by defaults.
    /// </summary>
    public async Task<ConfigSaveResult> SaveJsonAsync(long jobId, JsonObject body, CancellationToken cancellationToken = default)
    {
        var definitions = await LoadDefinitionsAsync(false, cancellationToken);
        await using var db = database.CreateContext();
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken)
            ?? throw StreamJobsException.JobNotFound(jobId);

        var (values, errors) = Read(body, definitions);
        if (errors.Count > 0) return new ConfigSaveResult(errors);

        foreach (var value in values) { value.JobId = jobId; value.JobName = job.Name; }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Only what the nested JSON covers is replaced; values of the parentless alert keys live on.
        var covered = definitions.Where(IsRoot).SelectMany(r => Subtree(r, definitions)).Select(d => d.Id).ToList();
        await db.JobConfigs.Where(c => c.JobId == jobId && covered.Contains(c.RefDefId)).ExecuteDeleteAsync(cancellationToken);
        db.JobConfigs.AddRange(values);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ConfigSaveResult([]);
    }

    /// <summary>Every bad field of a nested JSON body, as <see cref="SaveJsonAsync"/> would name them, without saving anything.</summary>
    public async Task<IReadOnlyList<ConfigFieldError>> ValidateJsonAsync(JsonObject body, CancellationToken cancellationToken = default) =>
        Read(body, await LoadDefinitionsAsync(false, cancellationToken)).Errors;

    /// <summary>The stored value, else the definition's default, else null.</summary>
    public async Task<string?> GetValueAsync(long jobId, string key, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var stored = await db.JobConfigs.AsNoTracking().Where(c => c.JobId == jobId && c.Key == key).Select(c => c.Value).SingleOrDefaultAsync(cancellationToken);
        if (stored is not null) return stored;
        return (await LoadDefinitionsAsync(false, cancellationToken)).FirstOrDefault(d => d.Key == key)?.DefaultValue is { Length: > 0 } fallback ? fallback : null;
    }

    public async Task<bool> IsOnAsync(long jobId, string key, CancellationToken cancellationToken = default) =>
        string.Equals(await GetValueAsync(jobId, key, cancellationToken), "ON", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Sets single values by key, as Streamis' older <c>/config/add</c> did. This is how the parentless alert keys
    /// (<c>wds.linkis.flink.alert.*</c>), which the nested JSON never shows, get a value. Every bad key is named.
    /// </summary>
    public async Task<ConfigSaveResult> SetValuesAsync(long jobId, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken = default)
    {
        var definitions = await LoadDefinitionsAsync(false, cancellationToken);
        await using var db = database.CreateContext();
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken)
            ?? throw StreamJobsException.JobNotFound(jobId);
        var errors = new List<ConfigFieldError>();
        var accepted = new List<(ConfigDefinitionEntity Definition, string? Value)>();
        foreach (var (key, raw) in values)
        {
            var definition = definitions.FirstOrDefault(d => d.Key == key);
            if (definition is null) { errors.Add(new(key, "is not a defined configuration key")); continue; }
            if (definitions.Any(d => d.ParentRef == definition.Id)) { errors.Add(new(key, "is a group; set its keys instead")); continue; }
            var text = raw?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                if (definition.Required) errors.Add(new(key, "is required"));
                else accepted.Add((definition, null));
                continue;
            }
            var problems = ConfigValueRules.Problems(definition, text).ToList();
            errors.AddRange(problems.Select(p => new ConfigFieldError(key, p)));
            if (problems.Count == 0) accepted.Add((definition, text));
        }
        if (errors.Count > 0) return new ConfigSaveResult(errors);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (definition, value) in accepted)
        {
            var key = definition.Key;
            await db.JobConfigs.Where(c => c.JobId == jobId && c.Key == key).ExecuteDeleteAsync(cancellationToken);
            if (value is not null) db.JobConfigs.Add(new JobConfigEntity { JobId = jobId, JobName = job.Name, Key = key, Value = value, RefDefId = definition.Id });
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ConfigSaveResult([]);
    }

    /// <summary>Removes the job's one-shot values (the user savepoint path); call after a successful launch.</summary>
    public async Task<int> ClearTemporaryValuesAsync(long jobId, CancellationToken cancellationToken = default)
    {
        var temporary = (await LoadDefinitionsAsync(true, cancellationToken)).Where(d => d.IsTemp).Select(d => d.Id).ToList();
        if (temporary.Count == 0) return 0;
        await using var db = database.CreateContext();
        return await db.JobConfigs.Where(c => c.JobId == jobId && temporary.Contains(c.RefDefId)).ExecuteDeleteAsync(cancellationToken);
    }

    private static (List<JobConfigEntity> Values, List<ConfigFieldError> Errors) Read(JsonObject body, IReadOnlyList<ConfigDefinitionEntity> definitions)
    {
        var errors = new List<ConfigFieldError>();
        var values = new List<JobConfigEntity>();
        var roots = definitions.Where(IsRoot).ToDictionary(d => d.Key);
        foreach (var (key, node) in body)
        {
            if (!roots.TryGetValue(key, out var root)) { errors.Add(new(key, "is not a configuration group")); continue; }
            if (node is null) continue;
            if (node is not JsonObject group) { errors.Add(new(key, "must be an object of key/value pairs")); continue; }
            ReadGroup(root, group, key, definitions, values, errors);
        }
        Supplement(definitions, values, errors);
        return (values, errors);
    }

    private static void ReadGroup(ConfigDefinitionEntity group, JsonObject body, string path, IReadOnlyList<ConfigDefinitionEntity> definitions,
        List<JobConfigEntity> values, List<ConfigFieldError> errors)
    {
        var children = definitions.Where(d => d.ParentRef == group.Id).ToDictionary(d => d.Key);
        var isCustom = group.Key == ConfigKeys.CustomGroup;
        foreach (var (key, node) in body)
        {
            var field = $"{path}.{key}";
            if (children.TryGetValue(key, out var child))
            {
                if (child.Type == "NONE")
                {
                    if (node is JsonObject nested) ReadGroup(child, nested, field, definitions, values, errors);
                    else if (node is not null) errors.Add(new(field, "must be an object of key/value pairs"));
                    continue;
                }
                if (!Scalar(node, field, errors, out var text)) continue;
                if (text is null || text.Trim().Length == 0)
                {
                    if (child.Required) errors.Add(new(field, "is required"));
                    continue;
                }
                text = text.Trim();
                var problems = ConfigValueRules.Problems(child, text).ToList();
                errors.AddRange(problems.Select(p => new ConfigFieldError(field, p)));
                if (problems.Count == 0) values.Add(new JobConfigEntity { Key = key, Value = text, RefDefId = child.Id });
            }
            else if (isCustom)
            {
                // Free Flink parameters: any key, kept under the group's id as Streamis does.
                if (key.Trim().Length == 0 || key.Length > MaxCustomKeyLength) { errors.Add(new(field, $"key must be 1–{MaxCustomKeyLength} characters")); continue; }
                if (definitions.Any(d => d.Key == key)) { errors.Add(new(field, "is defined under another group")); continue; }
                if (!Scalar(node, field, errors, out var text) || text is null) continue;
                if (text.Length > ConfigKeys.MaxValueLength) { errors.Add(new(field, $"is longer than {ConfigKeys.MaxValueLength} characters")); continue; }
                values.Add(new JobConfigEntity { Key = key, Value = text, RefDefId = group.Id });
            }
            else errors.Add(new(field, $"is not a key of {group.Key}"));
        }
    }

    /// <summary>Strings, numbers and booleans are taken as text; objects and arrays are wrong types.</summary>
    private static bool Scalar(JsonNode? node, string field, List<ConfigFieldError> errors, out string? text)
    {
        text = null;
        switch (node)
        {
            case null:
                return true;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                text = value.GetValue<string>();
                return true;
            case JsonValue value when value.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                text = value.ToJsonString();
                return true;
            default:
                errors.Add(new(field, "must be a string or a number"));
                return false;
        }
    }

    private static void Supplement(IReadOnlyList<ConfigDefinitionEntity> definitions, List<JobConfigEntity> values, List<ConfigFieldError> errors)
    {
        var reachable = definitions.Where(IsRoot).SelectMany(r => Leaves(r, definitions));
        foreach (var leaf in reachable)
        {
            if (values.Any(v => v.Key == leaf.Key)) continue;
            if (!string.IsNullOrWhiteSpace(leaf.DefaultValue)) values.Add(new JobConfigEntity { Key = leaf.Key, Value = leaf.DefaultValue, RefDefId = leaf.Id });
            else if (leaf.Required && !leaf.IsTemp && errors.All(e => !e.Field.EndsWith("." + leaf.Key, StringComparison.Ordinal)))
                errors.Add(new(Path(leaf, definitions), "is required"));
        }
    }

    private static IEnumerable<ConfigDefinitionEntity> Subtree(ConfigDefinitionEntity group, IReadOnlyList<ConfigDefinitionEntity> definitions) =>
        definitions.Where(d => d.ParentRef == group.Id).SelectMany(d => Subtree(d, definitions)).Prepend(group);

    private static IEnumerable<ConfigDefinitionEntity> Leaves(ConfigDefinitionEntity group, IReadOnlyList<ConfigDefinitionEntity> definitions) =>
        definitions.Where(d => d.ParentRef == group.Id).SelectMany(d => d.Type == "NONE" ? Leaves(d, definitions) : [d]);

    private static string Path(ConfigDefinitionEntity definition, IReadOnlyList<ConfigDefinitionEntity> definitions) =>
        definition.ParentRef is { } parent && definitions.FirstOrDefault(d => d.Id == parent) is { } p ? $"{Path(p, definitions)}.{definition.Key}" : definition.Key;

    private static JsonObject GroupJson(ConfigDefinitionEntity group, IReadOnlyList<ConfigDefinitionEntity> definitions, IReadOnlyList<JobConfigEntity> rows)
    {
        var json = new JsonObject();
        foreach (var child in definitions.Where(d => d.ParentRef == group.Id).OrderByDescending(d => d.Sort).ThenBy(d => d.Id))
        {
            if (child.Type == "NONE") { json[child.Key] = GroupJson(child, definitions, rows); continue; }
            var value = rows.FirstOrDefault(r => r.Key == child.Key)?.Value ?? (string.IsNullOrWhiteSpace(child.DefaultValue) ? null : child.DefaultValue);
            if (value is not null) json[child.Key] = value;
        }
        foreach (var free in rows.Where(r => r.RefDefId == group.Id && definitions.All(d => d.Key != r.Key)).OrderBy(r => r.Key, StringComparer.Ordinal))
            json[free.Key] = free.Value;
        return json;
    }

    private async Task ApplyAsync(StreamJobsDbContext db, ConfigDefinitionEntity entity, ConfigDefinitionInput input, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(input.Key) || input.Key.Length > 128) problems.Add("key must be 1–128 characters");
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 100) problems.Add("name must be 1–100 characters");
        ConfigDefinitionEntity? parent = null;
        if (input.ParentKey is not null)
        {
            parent = await db.ConfigDefinitions.SingleOrDefaultAsync(d => d.Key == input.ParentKey && !d.IsRetired, cancellationToken);
            if (parent is null) problems.Add($"parent {input.ParentKey} does not exist");
            else if (parent.Type != "NONE") problems.Add($"parent {input.ParentKey} is not a group");
            else if (parent.Id == entity.Id && entity.Id != 0) problems.Add("a definition cannot be its own parent");
        }
        else if (input.Type != "NONE") problems.Add("a leaf needs a parent group (parentKey)");
        entity.Key = input.Key?.Trim() ?? "";
        entity.Name = input.Name?.Trim() ?? "";
        entity.Type = input.Type;
        entity.ParentRef = parent?.Id;
        entity.Level = parent is null ? 0 : 1;
        entity.Sort = input.Sort;
        entity.Description = input.Description;
        entity.ValidateType = string.IsNullOrWhiteSpace(input.ValidateType) ? null : input.ValidateType;
        entity.ValidateRule = input.ValidateRule;
        entity.DefaultValue = string.IsNullOrEmpty(input.DefaultValue) ? null : input.DefaultValue;
        entity.RefValues = input.RefValues is null ? null : string.Join(',', input.RefValues.Select(v => v.Trim()));
        entity.Required = input.Required;
        entity.IsTemp = input.IsTemp;
        entity.Unit = input.Unit;
        entity.Style = input.Style;
        entity.Visible = input.Visible;
        problems.AddRange(ConfigValueRules.DefinitionProblems(entity));
        if (problems.Count > 0) throw Bad($"definition {input.Key}: {string.Join("; ", problems)}");
    }

    /// <summary>
    /// The definitions, read again at most every <see cref="DefinitionsCacheDuration"/>: every start reads them several
    /// times, admins change them seldom. A change made here is seen at once, one made on another node within that time.
    /// </summary>
    private async Task<IReadOnlyList<ConfigDefinitionEntity>> LoadDefinitionsAsync(bool includeRetired, CancellationToken cancellationToken)
    {
        var cached = definitionsCache;
        if (cached is null || Environment.TickCount64 >= cached.ExpiresAt)
        {
            // A read that a change here overtakes is used once but not kept: the next caller reads again.
            var generation = Volatile.Read(ref definitionsGeneration);
            await using var db = database.CreateContext();
            var all = await db.ConfigDefinitions.AsNoTracking().OrderBy(d => d.Id).ToListAsync(cancellationToken);
            cached = new DefinitionsSnapshot(all, all.Where(d => !d.IsRetired).ToList(), Environment.TickCount64 + (long)DefinitionsCacheDuration.TotalMilliseconds);
            if (generation == Volatile.Read(ref definitionsGeneration)) definitionsCache = cached;
        }
        return includeRetired ? cached.All : cached.Active;
    }

    private static readonly TimeSpan DefinitionsCacheDuration = TimeSpan.FromSeconds(2);

    private DefinitionsSnapshot? definitionsCache;
    private int definitionsGeneration;

    private void ForgetDefinitions()
    {
        Interlocked.Increment(ref definitionsGeneration);
        definitionsCache = null;
    }

    private sealed record DefinitionsSnapshot(IReadOnlyList<ConfigDefinitionEntity> All, IReadOnlyList<ConfigDefinitionEntity> Active, long ExpiresAt);

    private static bool IsRoot(ConfigDefinitionEntity d) => d.Level == 0 && d.ParentRef is null;

    private static ConfigDefinition ToModel(ConfigDefinitionEntity d, IReadOnlyList<ConfigDefinitionEntity> all) =>
        new(d.Id, d.Key, d.Name, d.Type, d.Sort, d.Description, d.ValidateType, d.ValidateRule, d.Style, d.Visible, d.Level, d.Unit, d.DefaultValue,
            ConfigValueRules.Options(d.RefValues), d.ParentRef, d.Required, d.IsTemp, d.IsRetired,
            all.Where(c => c.ParentRef == d.Id).OrderByDescending(c => c.Sort).ThenBy(c => c.Id).Select(c => ToModel(c, all)).ToList());

    private static StreamJobsException Bad(string message) => new(ErrorCodes.ConfigDefinition, StreamJobsErrorKind.Invalid, message);

    private static StreamJobsException Missing(string key) => new(ErrorCodes.ConfigDefinition, StreamJobsErrorKind.NotFound, $"definition {key} does not exist");
}
