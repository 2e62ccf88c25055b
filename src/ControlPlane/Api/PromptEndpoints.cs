using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/prompts</c>: the prompt registry. A prompt's name is how applications and routes call
/// it, so it is fixed once created; its content lives in immutable versions
/// (<see cref="PromptVersionEndpoints"/>) that release labels point at (<see cref="PromptLabelEndpoints"/>).
/// </summary>
internal static class PromptEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var prompts = api.MapGroup("/prompts").WithTags("Prompts");
        prompts.MapGet("", ListAsync);
        prompts.MapGet("/{id:guid}", GetAsync);
        prompts.MapPost("", CreateAsync).Validates<PromptInput>().Requires(Permission.Configure);
        prompts.MapPut("/{id:guid}", UpdateAsync).Validates<PromptUpdateInput>().Requires(Permission.Configure);
        PromptVersionEndpoints.Map(prompts);
        PromptLabelEndpoints.Map(prompts);
    }

    private static async Task<IResult> ListAsync(PlatformDbContext db, string? name, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        var query = db.Prompts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(name))
        {
            query = query.Where(p => p.Name.Contains(name));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.Include(p => p.Labels).OrderBy(p => p.Name).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var ids = rows.Select(p => p.Id).ToList();
        var latest = await db.PromptVersions.AsNoTracking().Where(v => ids.Contains(v.PromptId))
            .GroupBy(v => v.PromptId).Select(g => new { PromptId = g.Key, Version = g.Max(v => v.Version) })
            .ToDictionaryAsync(g => g.PromptId, g => g.Version, ct);
        return Results.Ok(new Page<PromptView>(
            [.. rows.Select(p => View(p, latest.TryGetValue(p.Id, out var v) ? v : null))], paging.PageNumber, paging.PageSize, total));
    }

    private static async Task<IResult> GetAsync(Guid id, PlatformDbContext db, HttpResponse response, CancellationToken ct)
    {
        if (await db.Prompts.AsNoTracking().Include(p => p.Labels).SingleOrDefaultAsync(p => p.Id == id, ct) is not { } prompt)
        {
            return Problems.NotFound("prompt");
        }

        ETags.Set(response, prompt);
        return Results.Ok(View(prompt, await LatestVersionAsync(db, id, ct)));
    }

    private static async Task<IResult> CreateAsync(PromptInput input, PlatformDbContext db, AuditLog audit, HttpResponse response, CancellationToken ct)
    {
        if (await db.Prompts.AnyAsync(p => p.Name == input.Name, ct))
        {
            return Problems.Conflict($"A prompt named '{input.Name}' already exists.");
        }

        var prompt = new Prompt { Name = input.Name, Description = input.Description };
        db.Prompts.Add(prompt);
        audit.Add(db, "create", "prompt", prompt.Id, null, View(prompt, null));
        await db.SaveChangesAsync(ct);
        ETags.Set(response, prompt);
        return Results.Created($"/api/v1/prompts/{prompt.Id}", View(prompt, null));
    }

    private static async Task<IResult> UpdateAsync(
        Guid id, PromptUpdateInput input, PlatformDbContext db, AuditLog audit, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        if (await db.Prompts.Include(p => p.Labels).SingleOrDefaultAsync(p => p.Id == id, ct) is not { } prompt)
        {
            return Problems.NotFound("prompt");
        }

        if (ETags.IfMatchFails(request, prompt))
        {
            return Problems.PreconditionFailed();
        }

        var latest = await LatestVersionAsync(db, id, ct);
        var before = View(prompt, latest);
        prompt.Description = input.Description;
        audit.Add(db, "update", "prompt", prompt.Id, before, View(prompt, latest));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.PreconditionFailed();
        }

        ETags.Set(response, prompt);
        return Results.Ok(View(prompt, latest));
    }

    /// <summary>The prompt of the caller's tenant with that id, or null (another tenant's prompt is not found either).</summary>
    public static Task<Prompt?> FindAsync(PlatformDbContext db, Guid id, CancellationToken ct) =>
        db.Prompts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);

    private static Task<int?> LatestVersionAsync(PlatformDbContext db, Guid id, CancellationToken ct) =>
        db.PromptVersions.Where(v => v.PromptId == id).MaxAsync(v => (int?)v.Version, ct);

    private static PromptView View(Prompt p, int? latest) => new(
        p.Id, p.Name, p.Description, latest,
        [.. p.Labels.OrderBy(l => l.Label, StringComparer.Ordinal).Select(PromptLabelEndpoints.View)],
        p.CreatedAt, p.UpdatedAt);
}
