using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Api;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Features.Prompts;

/// <summary>
/// The prompt registry. A prompt's name is how applications and routes call it, so it is fixed once
/// created; its content lives in immutable versions that release labels point at. Every label move
/// is an audit entry of type <see cref="LabelEntityType"/> and id <c>&lt;prompt id&gt;/&lt;label&gt;</c>,
/// which is the label history. Roles are checked before validation, so a viewer learns nothing from errors.
/// </summary>
internal sealed class PromptOperations(
    PlatformDbContext db,
    Caller caller,
    AuditLog audit,
    IValidator<PromptInput> promptValidator,
    IValidator<PromptUpdateInput> updateValidator,
    IValidator<PromptVersionInput> versionValidator,
    IValidator<PromptLabelInput> labelValidator) : IPromptOperations
{
    public const string LabelEntityType = "prompt_label";

    /// <summary>The label the data plane uses when a route or call names a prompt but no label.</summary>
    private const string DefaultLabel = "production";

    /// <summary>Taken by the history route: a label of that name could not be read by GET.</summary>
    private const string Reserved = "history";

    public async Task<Outcome<Page<PromptView>>> ListAsync(PromptQuery query, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        var paging = Paging.From(query.Page, query.PageSize);
        var prompts = db.Prompts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            prompts = prompts.Where(p => p.Name.Contains(query.Name));
        }

        var total = await prompts.CountAsync(ct);
        var rows = await prompts.Include(p => p.Labels).OrderBy(p => p.Name).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var ids = rows.Select(p => p.Id).ToList();
        var latest = await db.PromptVersions.AsNoTracking().Where(v => ids.Contains(v.PromptId))
            .GroupBy(v => v.PromptId).Select(g => new { PromptId = g.Key, Version = g.Max(v => v.Version) })
            .ToDictionaryAsync(g => g.PromptId, g => g.Version, ct);
        return Outcome.Ok(new Page<PromptView>(
            [.. rows.Select(p => View(p, latest.TryGetValue(p.Id, out var v) ? v : null))], paging.PageNumber, paging.PageSize, total));
    }

    public async Task<Outcome<PromptView>> GetAsync(Guid id, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        return await db.Prompts.AsNoTracking().Include(p => p.Labels).SingleOrDefaultAsync(p => p.Id == id, ct) is { } prompt
            ? Outcome.Ok(View(prompt, await LatestVersionAsync(id, ct)), ETagOf(prompt))
            : Failure.NotFound("prompt");
    }

    public async Task<Outcome<PromptView>> CreateAsync(PromptInput input, CancellationToken ct)
    {
        if ((caller.Refuses(Permission.Configure) ?? await InvalidAsync(promptValidator, input, ct)) is { } refusal)
        {
            return refusal;
        }

        if (await db.Prompts.AnyAsync(p => p.Name == input.Name, ct))
        {
            return Failure.Conflict($"A prompt named '{input.Name}' already exists.", nameof(PromptInput.Name));
        }

        var prompt = new Prompt { Name = input.Name, Description = input.Description };
        db.Prompts.Add(prompt);
        audit.Add(db, "create", "prompt", prompt.Id, null, View(prompt, null));
        await db.SaveChangesAsync(ct);
        return Outcome.Ok(View(prompt, null), ETagOf(prompt));
    }

    public async Task<Outcome<PromptView>> UpdateAsync(Guid id, PromptUpdateInput input, string? ifMatch, CancellationToken ct)
    {
        if ((caller.Refuses(Permission.Configure) ?? await InvalidAsync(updateValidator, input, ct)) is { } refusal)
        {
            return refusal;
        }

        if (await db.Prompts.Include(p => p.Labels).SingleOrDefaultAsync(p => p.Id == id, ct) is not { } prompt)
        {
            return Failure.NotFound("prompt");
        }

        if (ConcurrencyStamps.IfMatchFails(ifMatch, prompt.ConcurrencyStamp))
        {
            return Failure.PreconditionFailed();
        }

        var latest = await LatestVersionAsync(id, ct);
        var before = View(prompt, latest);
        prompt.Description = input.Description;
        audit.Add(db, "update", "prompt", prompt.Id, before, View(prompt, latest));
        return await SaveAsync(ct) ?? Outcome.Ok(View(prompt, latest), ETagOf(prompt));
    }

    public async Task<Outcome<Page<PromptVersionView>>> VersionsAsync(Guid id, int? page, int? pageSize, CancellationToken ct)
    {
        if ((caller.Refuses(Permission.Read) ?? await MissingAsync(id, ct)) is { } refusal)
        {
            return refusal;
        }

        var paging = Paging.From(page, pageSize);
        var versions = db.PromptVersions.AsNoTracking().Where(v => v.PromptId == id);
        var total = await versions.CountAsync(ct);
        var rows = await versions.OrderByDescending(v => v.Version).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Outcome.Ok(new Page<PromptVersionView>([.. rows.Select(View)], paging.PageNumber, paging.PageSize, total));
    }

    public async Task<Outcome<PromptVersionView>> GetVersionAsync(Guid id, int version, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        return await FindVersionAsync(id, version, ct) is { } row
            ? Outcome.Ok(View(row), ConcurrencyStamps.ETagOf(row.ConcurrencyStamp))
            : Failure.NotFound("prompt version");
    }

    public async Task<Outcome<PromptVersionView>> CreateVersionAsync(Guid id, PromptVersionInput input, CancellationToken ct)
    {
        if ((caller.Refuses(Permission.Configure) ?? await InvalidAsync(versionValidator, input, ct) ?? await MissingAsync(id, ct)) is { } refusal)
        {
            return refusal;
        }

        var latest = await LatestVersionAsync(id, ct);
        var row = new PromptVersion
        {
            PromptId = id,
            Version = (latest ?? 0) + 1,
            MessagesJson = PromptJson.Messages(input.Messages),
            Variables = [.. input.Variables ?? PromptTemplates.UsedVariables(input.Messages.Select(m => m.Content))],
            ParametersJson = PromptJson.Canonical(input.Parameters),
            ResponseSchemaJson = PromptJson.Canonical(input.ResponseSchema),
            CreatedBy = caller.Actor,
        };
        db.PromptVersions.Add(row);
        audit.Add(db, "create", "prompt_version", row.Id, null, View(row));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (prompt, version) index: someone else wrote this number first.
            return Failure.Conflict($"Version {row.Version} was created meanwhile; send the request again for the next number.");
        }

        return Outcome.Ok(View(row), ConcurrencyStamps.ETagOf(row.ConcurrencyStamp));
    }

    public async Task<Outcome<PromptDiffView>> DiffAsync(Guid id, int? from, int? to, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        if (from is null || to is null)
        {
            return Failure.Invalid(from is null ? "from" : "to", "Name the two versions: ?from=1&to=2.");
        }

        if (await FindVersionAsync(id, from.Value, ct) is not { } a || await FindVersionAsync(id, to.Value, ct) is not { } b)
        {
            return Failure.NotFound("prompt version");
        }

        var lines = LineDiff.Compute(Text(a), Text(b));
        return Outcome.Ok(new PromptDiffView(a.Version, b.Version,
            lines.Count(l => l.Kind == DiffKind.Added), lines.Count(l => l.Kind == DiffKind.Removed), lines));
    }

    public async Task<Outcome<PromptLabelView>> GetLabelAsync(Guid id, string label, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        return await db.PromptLabels.AsNoTracking().SingleOrDefaultAsync(l => l.PromptId == id && l.Label == label, ct) is { } row
            ? Outcome.Ok(View(row), ConcurrencyStamps.ETagOf(row.ConcurrencyStamp))
            : Failure.NotFound("label");
    }

    public async Task<Outcome<LabelSet>> SetLabelAsync(Guid id, string label, PromptLabelInput input, string? ifMatch, CancellationToken ct)
    {
        if ((caller.Refuses(Permission.Configure) ?? await InvalidAsync(labelValidator, input, ct)) is { } refusal)
        {
            return refusal;
        }

        if (await FindPromptAsync(id, ct) is not { } prompt)
        {
            return Failure.NotFound("prompt");
        }

        if (!PromptLabelNames.IsValid(label) || label == Reserved)
        {
            return Failure.Invalid("label",
                $"'{label}' is not a label name: letters, digits, '.', '_' and '-', at most {PromptLabelNames.MaxLength}, not '{Reserved}'.");
        }

        if (!await db.PromptVersions.AnyAsync(v => v.PromptId == id && v.Version == input.Version, ct))
        {
            return Failure.Invalid(nameof(PromptLabelInput.Version), $"Prompt '{prompt.Name}' has no version {input.Version}.");
        }

        var row = await db.PromptLabels.SingleOrDefaultAsync(l => l.PromptId == id && l.Label == label, ct);
        if (row is null ? !string.IsNullOrWhiteSpace(ifMatch) : ConcurrencyStamps.IfMatchFails(ifMatch, row.ConcurrencyStamp))
        {
            return Failure.PreconditionFailed();
        }

        var created = row is null;
        if (row is null)
        {
            row = new PromptLabel { PromptId = id, Label = label, Version = input.Version };
            db.PromptLabels.Add(row);
            audit.AddByKey(db, "create", LabelEntityType, LabelEntityId(id, label), null, new PromptLabelState(prompt.Name, label, input.Version));
        }
        else if (row.Version != input.Version)
        {
            var before = new PromptLabelState(prompt.Name, label, row.Version);
            row.Version = input.Version;
            audit.AddByKey(db, MoveAction(before.Version, input.Version), LabelEntityType, LabelEntityId(id, label),
                before, new PromptLabelState(prompt.Name, label, input.Version));
        }

        return await SaveLabelAsync(ct) ?? Outcome.Ok(new LabelSet(View(row), created), ConcurrencyStamps.ETagOf(row.ConcurrencyStamp));
    }

    public async Task<Outcome<bool>> DeleteLabelAsync(Guid id, string label, string? ifMatch, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Configure) is { } refusal)
        {
            return refusal;
        }

        if (await FindPromptAsync(id, ct) is not { } prompt)
        {
            return Failure.NotFound("prompt");
        }

        if (await db.PromptLabels.SingleOrDefaultAsync(l => l.PromptId == id && l.Label == label, ct) is not { } row)
        {
            return Failure.NotFound("label");
        }

        if (ConcurrencyStamps.IfMatchFails(ifMatch, row.ConcurrencyStamp))
        {
            return Failure.PreconditionFailed();
        }

        var route = await db.Routes
            .Where(r => r.PromptName == prompt.Name && (r.PromptLabel == label || (r.PromptLabel == null && label == DefaultLabel)))
            .Select(r => r.Name).FirstOrDefaultAsync(ct);
        if (route is not null)
        {
            return Failure.Conflict($"Route '{route}' serves this prompt by the label '{label}'; point the route elsewhere first.");
        }

        db.PromptLabels.Remove(row);
        audit.AddByKey(db, "delete", LabelEntityType, LabelEntityId(id, label), new PromptLabelState(prompt.Name, label, row.Version), null);
        return await SaveLabelAsync(ct) ?? Outcome.Ok(true);
    }

    public async Task<Outcome<Page<PromptLabelMoveView>>> LabelHistoryAsync(Guid id, string? label, int? page, int? pageSize, CancellationToken ct)
    {
        if ((caller.Refuses(Permission.Read) ?? await MissingAsync(id, ct)) is { } refusal)
        {
            return refusal;
        }

        var paging = Paging.From(page, pageSize);
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.EntityType == LabelEntityType);
        entries = string.IsNullOrEmpty(label)
            ? entries.Where(a => a.EntityId!.StartsWith(id + "/"))
            : entries.Where(a => a.EntityId == LabelEntityId(id, label));
        var total = await entries.CountAsync(ct);
        var rows = await entries.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Outcome.Ok(new Page<PromptLabelMoveView>([.. rows.Select(Move)], paging.PageNumber, paging.PageSize, total));
    }

    public async Task<Outcome<IReadOnlyList<PromptVersionUsageView>>> UsageByVersionAsync(Guid id, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        if (await FindPromptAsync(id, ct) is not { } prompt)
        {
            return Failure.NotFound("prompt");
        }

        var counts = await db.UsageEvents.AsNoTracking().Where(e => e.PromptName == prompt.Name && e.PromptVersion != null)
            .GroupBy(e => e.PromptVersion!.Value).Select(g => new { Version = g.Key, Calls = g.LongCount() })
            .ToListAsync(ct);
        return Outcome.Ok<IReadOnlyList<PromptVersionUsageView>>(
            [.. counts.OrderByDescending(c => c.Version).Select(c => new PromptVersionUsageView(c.Version, c.Calls))]);
    }

    public static string LabelEntityId(Guid promptId, string label) => $"{promptId}/{label}";

    /// <summary><c>promote</c> to a newer version, <c>rollback</c> to an older one.</summary>
    public static string MoveAction(int from, int to) => to > from ? "promote" : "rollback";

    private static async Task<Failure?> InvalidAsync<T>(IValidator<T> validator, T input, CancellationToken ct) =>
        await validator.ValidateAsync(input, ct) is { IsValid: false } result ? Failure.Invalid(result) : null;

    /// <summary>Another tenant's prompt is not found either: the context is filtered to the caller's tenant.</summary>
    private Task<Prompt?> FindPromptAsync(Guid id, CancellationToken ct) =>
        db.Prompts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);

    private async Task<Failure?> MissingAsync(Guid id, CancellationToken ct) =>
        await FindPromptAsync(id, ct) is null ? Failure.NotFound("prompt") : null;

    private Task<PromptVersion?> FindVersionAsync(Guid id, int version, CancellationToken ct) =>
        db.PromptVersions.AsNoTracking().SingleOrDefaultAsync(v => v.PromptId == id && v.Version == version, ct);

    private Task<int?> LatestVersionAsync(Guid id, CancellationToken ct) =>
        db.PromptVersions.Where(v => v.PromptId == id).MaxAsync(v => (int?)v.Version, ct);

    private async Task<Failure?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.PreconditionFailed();
        }
    }

    private async Task<Failure?> SaveLabelAsync(CancellationToken ct)
    {
        try
        {
            return await SaveAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (prompt, label) index: a concurrent PUT created it first.
            return Failure.Conflict("The label was created meanwhile; read it and retry with its ETag.");
        }
    }

    private static string ETagOf(Prompt prompt) => ConcurrencyStamps.ETagOf(prompt.ConcurrencyStamp);

    private static IReadOnlyList<string> Text(PromptVersion v) =>
        PromptVersionText.Lines(v.MessagesJson, v.Variables, v.ParametersJson, v.ResponseSchemaJson);

    private static PromptView View(Prompt p, int? latest) => new(
        p.Id, p.Name, p.Description, latest,
        [.. p.Labels.OrderBy(l => l.Label, StringComparer.Ordinal).Select(View)],
        p.CreatedAt, p.UpdatedAt);

    private static PromptLabelView View(PromptLabel l) => new(l.Label, l.Version, l.UpdatedAt);

    private static PromptVersionView View(PromptVersion v) => new(
        v.Id, v.PromptId, v.Version, PromptJson.Element(v.MessagesJson)!.Value, v.Variables,
        PromptJson.Element(v.ParametersJson), PromptJson.Element(v.ResponseSchemaJson), v.CreatedBy, v.CreatedAt);

    private static PromptLabelMoveView Move(AuditEntry entry)
    {
        var before = State(entry.BeforeJson);
        var after = State(entry.AfterJson);
        var label = after?.Label ?? before?.Label ?? entry.EntityId?[(entry.EntityId.IndexOf('/', StringComparison.Ordinal) + 1)..] ?? "";
        return new PromptLabelMoveView(label, entry.Action, before?.Version, after?.Version, entry.Actor, entry.CreatedAt);
    }

    private static PromptLabelState? State(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<PromptLabelState>(json, JsonSerializerOptions.Web);
}
