using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/prompts/{id}/versions</c> and <c>/diff</c>. A version is written once, as the next
/// number, and never edited or deleted: there is deliberately no PUT, PATCH or DELETE here (a
/// running application may be pinned to it). The stored JSON is in the config parser's canonical
/// form, so an exported version re-applies unchanged.
/// </summary>
internal static class PromptVersionEndpoints
{
    public static void Map(RouteGroupBuilder prompts)
    {
        prompts.MapGet("/{id:guid}/versions", ListAsync);
        prompts.MapGet("/{id:guid}/versions/{version:int}", GetAsync);
        prompts.MapPost("/{id:guid}/versions", CreateAsync).Validates<PromptVersionInput>().Requires(Permission.Configure);
        prompts.MapGet("/{id:guid}/diff", DiffAsync);
    }

    private static async Task<IResult> ListAsync(Guid id, PlatformDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        if (await PromptEndpoints.FindAsync(db, id, ct) is null)
        {
            return Problems.NotFound("prompt");
        }

        var paging = Paging.From(page, pageSize);
        var query = db.PromptVersions.AsNoTracking().Where(v => v.PromptId == id);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(v => v.Version).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Results.Ok(new Page<PromptVersionView>([.. rows.Select(View)], paging.PageNumber, paging.PageSize, total));
    }

    private static async Task<IResult> GetAsync(Guid id, int version, PlatformDbContext db, HttpResponse response, CancellationToken ct)
    {
        if (await FindAsync(db, id, version, ct) is not { } row)
        {
            return Problems.NotFound("prompt version");
        }

        ETags.Set(response, row);
        return Results.Ok(View(row));
    }

    private static async Task<IResult> CreateAsync(
        Guid id, PromptVersionInput input, PlatformDbContext db, Caller caller, AuditLog audit, HttpResponse response, CancellationToken ct)
    {
        if (await PromptEndpoints.FindAsync(db, id, ct) is null)
        {
            return Problems.NotFound("prompt");
        }

        var latest = await db.PromptVersions.Where(v => v.PromptId == id).MaxAsync(v => (int?)v.Version, ct);
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
            return Problems.Conflict($"Version {row.Version} was created meanwhile; send the request again for the next number.");
        }

        ETags.Set(response, row);
        return Results.Created($"/api/v1/prompts/{id}/versions/{row.Version}", View(row));
    }

    private static async Task<IResult> DiffAsync(Guid id, int? from, int? to, PlatformDbContext db, CancellationToken ct)
    {
        if (from is null || to is null)
        {
            return Problems.BadRequest("Name the two versions: ?from=1&to=2.");
        }

        if (await FindAsync(db, id, from.Value, ct) is not { } a || await FindAsync(db, id, to.Value, ct) is not { } b)
        {
            return Problems.NotFound("prompt version");
        }

        var lines = LineDiff.Compute(Text(a), Text(b));
        return Results.Ok(new PromptDiffView(a.Version, b.Version,
            lines.Count(l => l.Kind == DiffKind.Added), lines.Count(l => l.Kind == DiffKind.Removed), lines));
    }

    private static Task<PromptVersion?> FindAsync(PlatformDbContext db, Guid id, int version, CancellationToken ct) =>
        db.PromptVersions.AsNoTracking().SingleOrDefaultAsync(v => v.PromptId == id && v.Version == version, ct);

    private static IReadOnlyList<string> Text(PromptVersion v) =>
        PromptVersionText.Lines(v.MessagesJson, v.Variables, v.ParametersJson, v.ResponseSchemaJson);

    private static PromptVersionView View(PromptVersion v) => new(
        v.Id, v.PromptId, v.Version, PromptJson.Element(v.MessagesJson)!.Value, v.Variables,
        PromptJson.Element(v.ParametersJson), PromptJson.Element(v.ResponseSchemaJson), v.CreatedBy, v.CreatedAt);
}
