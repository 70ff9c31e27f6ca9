using System.Text.Json.Nodes;
using Streamis.Workflows.Engine.Definitions;
using Streamis.Workflows.Engine.Running;
using Streamis.Workflows.Engine.Runtime;
using Streamis.Workflows.Engine.Validation;
using Streamis.Workflows.Host.Auth;
using Streamis.Workflows.Host.Errors;

namespace Streamis.Workflows.Host.Endpoints.Definitions;

/// <summary>Workflow definitions: list, read, save drafts, validate, publish, retract, versions.</summary>
public static class DefinitionEndpoints
{
    public static void MapDefinitionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflows/definitions").WithTags("Definitions");
        group.MapGet("", ListAsync).RequireAuthorization(Policies.Read);
        group.MapGet("/{definitionId}", GetAsync).RequireAuthorization(Policies.Read);
        group.MapGet("/{definitionId}/versions", VersionsAsync).RequireAuthorization(Policies.Read);
        group.MapPost("", SaveAsync).RequireAuthorization(Policies.Administer);
        group.MapPost("/import", SaveAsync).RequireAuthorization(Policies.Administer);
        group.MapPost("/validate", ValidateAsync).RequireAuthorization(Policies.Read);
        group.MapPost("/{definitionId}/publish", PublishAsync).RequireAuthorization(Policies.Administer);
        group.MapPost("/{definitionId}/retract", RetractAsync).RequireAuthorization(Policies.Administer);
    }

    private static async Task<IResult> ListAsync(IDefinitionStore store, CancellationToken ct) =>
        Results.Ok(await store.ListAsync(ct));

    /// <summary><c>version</c>: a number, <c>latest</c>, or <c>published</c> (the default falls back to latest).</summary>
    private static async Task<IResult> GetAsync(string definitionId, string? version, IDefinitionStore store, CancellationToken ct)
    {
        DefinitionRecord? record;
        if (version is null or "published" or "latest")
        {
            var versions = await store.ListVersionsAsync(definitionId, ct);
            record = version == "latest" ? versions.FirstOrDefault()
                : versions.FirstOrDefault(v => v.IsPublished) ?? (version is null ? versions.FirstOrDefault() : null);
        }
        else if (int.TryParse(version, out var number) && number > 0) record = await store.FindAsync(definitionId, number, ct);
        else return ProblemResults.Invalid("$.version", $"\"{version}\" is not a version: use a number, \"latest\" or \"published\"");
        return record is null ? ProblemResults.NotFound($"no workflow definition \"{definitionId}\"{(version is null ? "" : $" version {version}")}") : Results.Ok(Describe(record));
    }

    private static async Task<IResult> VersionsAsync(string definitionId, IDefinitionStore store, CancellationToken ct)
    {
        var versions = await store.ListVersionsAsync(definitionId, ct);
        return versions.Count == 0
            ? ProblemResults.NotFound($"no workflow definition \"{definitionId}\"")
            : Results.Ok(versions.Select(v => new DefinitionVersionResponse(v.DefinitionId, v.Version, v.Name, v.IsLatest, v.IsPublished, v.Hash, v.CreatedAt, v.UpdatedAt)));
    }

    /// <summary>
    /// Saves the body as the latest draft (and publishes it with <c>?publish=true</c>). A draft may still have
    /// validation problems — they are returned — but publishing needs none.
    /// </summary>
    private static async Task<IResult> SaveAsync(HttpRequest request, bool? publish, WorkflowRunner runner, IDefinitionStore store, WorkflowRuntime runtime, CancellationToken ct)
    {
        var (definition, readProblems) = runner.Reader.Read(await ReadBodyAsync(request, ct));
        if (definition is null || readProblems.Count > 0) return ProblemResults.Invalid(readProblems, "The definition cannot be read");
        var problems = runner.Validate(definition);
        if (publish == true && problems.Count > 0) return ProblemResults.Invalid(problems, "The definition cannot be published");
        // A draft may be unfinished, but the store keys and lists it by id and name: those must fit.
        if (problems.Where(p => p.Path is "$.id" or "$.name").ToList() is { Count: > 0 } header)
            return ProblemResults.Invalid(header, "The definition cannot be saved");
        var saved = await store.SaveDraftAsync(definition, ct);
        if (publish == true)
        {
            saved = await store.PublishAsync(saved.DefinitionId, saved.Version, ct) ?? saved;
            runtime.ForgetDefinition(saved.DefinitionId);
        }
        return Results.Ok(new SaveDefinitionResponse(saved.DefinitionId, saved.Version, saved.IsPublished,
            problems.Select(p => new ProblemResponse(p.Path, p.Message)).ToList()));
    }

    private static async Task<IResult> ValidateAsync(HttpRequest request, WorkflowRunner runner, CancellationToken ct)
    {
        var (definition, problems) = runner.Reader.Read(await ReadBodyAsync(request, ct));
        if (definition is not null && problems.Count == 0) problems = runner.Validate(definition);
        return Results.Ok(new ValidationResponse(problems.Count == 0, problems.Select(p => new ProblemResponse(p.Path, p.Message)).ToList()));
    }

    private static async Task<IResult> PublishAsync(string definitionId, int? version, WorkflowRunner runner, IDefinitionStore store, WorkflowRuntime runtime, CancellationToken ct)
    {
        var record = version is { } v ? await store.FindAsync(definitionId, v, ct) : (await store.ListVersionsAsync(definitionId, ct)).FirstOrDefault();
        if (record is null) return ProblemResults.NotFound($"no workflow definition \"{definitionId}\"{(version is null ? "" : $" version {version}")}");
        var definition = runner.Parse(record.Json);
        var problems = runner.Validate(definition);
        if (problems.Count > 0) return ProblemResults.Invalid(problems, "The definition cannot be published");
        var published = await store.PublishAsync(definitionId, record.Version, ct);
        runtime.ForgetDefinition(definitionId);
        return Results.Ok(Describe(published!));
    }

    private static async Task<IResult> RetractAsync(string definitionId, IDefinitionStore store, WorkflowRuntime runtime, CancellationToken ct)
    {
        var retracted = await store.RetractAsync(definitionId, ct);
        runtime.ForgetDefinition(definitionId);
        return retracted
            ? Results.Ok(new { definitionId, published = false })
            : ProblemResults.NotFound($"workflow definition \"{definitionId}\" has no published version");
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(ct);
        if (string.IsNullOrWhiteSpace(body)) throw new InvalidDefinitionException([new ValidationProblem("$", "the request body is empty: send the definition JSON")]);
        return body;
    }

    private static DefinitionResponse Describe(DefinitionRecord record) =>
        new(record.DefinitionId, record.Version, record.Name, record.Description, record.IsLatest, record.IsPublished,
            record.CreatedAt, record.UpdatedAt, JsonNode.Parse(record.Json)!);
}
