using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/prompts/{id}/labels</c>: release labels. <c>PUT .../labels/{label} {version}</c>
/// creates a label, promotes it to a newer version or rolls it back to an older one; the data plane
/// follows on its next snapshot reload, no deploy needed. Every move is an audit entry of entity
/// type <c>prompt_label</c> and id <c>&lt;prompt id&gt;/&lt;label&gt;</c>, which is the label history.
/// </summary>
internal static class PromptLabelEndpoints
{
    public const string EntityType = "prompt_label";

    /// <summary>The label the data plane uses when a route or call names a prompt but no label.</summary>
    private const string DefaultLabel = "production";

    /// <summary>Taken by the history route: a label of that name could not be read by GET.</summary>
    private const string Reserved = "history";

    public static void Map(RouteGroupBuilder prompts)
    {
        prompts.MapGet("/{id:guid}/labels/history", HistoryAsync);
        prompts.MapGet("/{id:guid}/labels/{label}", GetAsync);
        prompts.MapPut("/{id:guid}/labels/{label}", SetAsync).Validates<PromptLabelInput>().Requires(Permission.Configure);
        prompts.MapDelete("/{id:guid}/labels/{label}", DeleteAsync).Requires(Permission.Configure);
    }

    private static async Task<IResult> GetAsync(Guid id, string label, PlatformDbContext db, HttpResponse response, CancellationToken ct)
    {
        if (await db.PromptLabels.AsNoTracking().SingleOrDefaultAsync(l => l.PromptId == id && l.Label == label, ct) is not { } row)
        {
            return Problems.NotFound("label");
        }

        ETags.Set(response, row);
        return Results.Ok(View(row));
    }

    private static async Task<IResult> SetAsync(
        Guid id, string label, PromptLabelInput input, PlatformDbContext db, AuditLog audit, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        if (await PromptEndpoints.FindAsync(db, id, ct) is not { } prompt)
        {
            return Problems.NotFound("prompt");
        }

        if (!PromptLabelNames.IsValid(label) || label == Reserved)
        {
            return Problems.BadRequest($"'{label}' is not a label name: letters, digits, '.', '_' and '-', at most {PromptLabelNames.MaxLength}, not '{Reserved}'.");
        }

        if (!await db.PromptVersions.AnyAsync(v => v.PromptId == id && v.Version == input.Version, ct))
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["version"] = [$"Prompt '{prompt.Name}' has no version {input.Version}."] }, title: "Invalid input");
        }

        var row = await db.PromptLabels.SingleOrDefaultAsync(l => l.PromptId == id && l.Label == label, ct);
        if (row is null ? request.Headers.IfMatch.Count > 0 : ETags.IfMatchFails(request, row))
        {
            return Problems.PreconditionFailed();
        }

        var created = row is null;
        if (row is null)
        {
            row = new PromptLabel { PromptId = id, Label = label, Version = input.Version };
            db.PromptLabels.Add(row);
            audit.AddByKey(db, "create", EntityType, EntityId(id, label), null, new PromptLabelState(prompt.Name, label, input.Version));
        }
        else if (row.Version != input.Version)
        {
            var before = new PromptLabelState(prompt.Name, label, row.Version);
            row.Version = input.Version;
            audit.AddByKey(db, MoveAction(before.Version, input.Version), EntityType, EntityId(id, label), before, new PromptLabelState(prompt.Name, label, input.Version));
        }

        if (await TrySaveAsync(db, ct) is { } failure)
        {
            return failure;
        }

        ETags.Set(response, row);
        return created ? Results.Created($"/api/v1/prompts/{id}/labels/{label}", View(row)) : Results.Ok(View(row));
    }

    private static async Task<IResult> DeleteAsync(
        Guid id, string label, PlatformDbContext db, AuditLog audit, HttpRequest request, CancellationToken ct)
    {
        if (await PromptEndpoints.FindAsync(db, id, ct) is not { } prompt)
        {
            return Problems.NotFound("prompt");
        }

        if (await db.PromptLabels.SingleOrDefaultAsync(l => l.PromptId == id && l.Label == label, ct) is not { } row)
        {
            return Problems.NotFound("label");
        }

        if (ETags.IfMatchFails(request, row))
        {
            return Problems.PreconditionFailed();
        }

        var route = await db.Routes
            .Where(r => r.PromptName == prompt.Name && (r.PromptLabel == label || (r.PromptLabel == null && label == DefaultLabel)))
            .Select(r => r.Name).FirstOrDefaultAsync(ct);
        if (route is not null)
        {
            return Problems.Conflict($"Route '{route}' serves this prompt by the label '{label}'; point the route elsewhere first.");
        }

        db.PromptLabels.Remove(row);
        audit.AddByKey(db, "delete", EntityType, EntityId(id, label), new PromptLabelState(prompt.Name, label, row.Version), null);
        return await TrySaveAsync(db, ct) ?? Results.NoContent();
    }

    /// <param name="label">Only this label's moves; all the prompt's labels without it.</param>
    private static async Task<IResult> HistoryAsync(Guid id, string? label, PlatformDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        if (await PromptEndpoints.FindAsync(db, id, ct) is null)
        {
            return Problems.NotFound("prompt");
        }

        var paging = Paging.From(page, pageSize);
        var query = db.AuditEntries.AsNoTracking().Where(a => a.EntityType == EntityType);
        query = string.IsNullOrEmpty(label)
            ? query.Where(a => a.EntityId!.StartsWith(id + "/"))
            : query.Where(a => a.EntityId == EntityId(id, label));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Results.Ok(new Page<PromptLabelMoveView>([.. rows.Select(Move)], paging.PageNumber, paging.PageSize, total));
    }

    public static string EntityId(Guid promptId, string label) => $"{promptId}/{label}";

    /// <summary><c>promote</c> to a newer version, <c>rollback</c> to an older one.</summary>
    public static string MoveAction(int from, int to) => to > from ? "promote" : "rollback";

    public static PromptLabelView View(PromptLabel l) => new(l.Label, l.Version, l.UpdatedAt);

    private static async Task<IResult?> TrySaveAsync(PlatformDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.PreconditionFailed();
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("The label was created meanwhile; read it and retry with its ETag.");
        }
    }

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
