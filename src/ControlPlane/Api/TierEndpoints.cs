using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/tiers</c>: named quality levels listing their models in priority order. A change is
/// refused when a route on the tier could no longer be served under its constraints; a tier that
/// routes or budgets use cannot be deleted.
/// </summary>
internal static class TierEndpoints
{
    private const string EntityType = "tier";

    public static void Map(RouteGroupBuilder api)
    {
        var tiers = api.MapGroup("/tiers").WithTags("Tiers");
        tiers.MapGet("", ListAsync);
        tiers.MapGet("/{id:guid}", GetAsync);
        tiers.MapPost("", CreateAsync).Validates<TierInput>().Requires(Permission.Configure);
        tiers.MapPut("/{id:guid}", UpdateAsync).Validates<TierInput>().Requires(Permission.Configure);
        tiers.MapDelete("/{id:guid}", DeleteAsync).Requires(Permission.Configure);
    }

    /// <param name="model">Only tiers listing this model (concrete name).</param>
    /// <param name="name">Part of the name.</param>
    private static async Task<IResult> ListAsync(PlatformDbContext db, string? model, string? name, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Tiers.AsNoTracking();
        if (!string.IsNullOrEmpty(model))
        {
            query = query.Where(t => t.Models.Any(m => m.Model!.Name == model));
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            query = query.Where(t => t.Name.Contains(name));
        }

        var paging = Paging.From(page, pageSize);
        var total = await query.CountAsync(ct);
        var rows = await WithModels(query).OrderBy(t => t.Name).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Results.Ok(new Page<TierView>([.. rows.Select(View)], paging.PageNumber, paging.PageSize, total));
    }

    private static async Task<IResult> GetAsync(Guid id, PlatformDbContext db, HttpResponse response, CancellationToken ct)
    {
        if (await WithModels(db.Tiers.AsNoTracking()).SingleOrDefaultAsync(t => t.Id == id, ct) is not { } tier)
        {
            return Problems.NotFound(EntityType);
        }

        ETags.Set(response, tier);
        return Results.Ok(View(tier));
    }

    private static async Task<IResult> CreateAsync(
        TierInput input, PlatformDbContext db, AuditLog audit, TimeProvider time, HttpResponse response, CancellationToken ct)
    {
        if (await db.Tiers.AnyAsync(t => t.Name == input.Name, ct))
        {
            return Problems.Conflict($"A tier named '{input.Name}' already exists.");
        }

        var errors = new FieldErrors();
        var models = await ModelLists.ResolveAsync(db, input.Models, "models", errors, ct);
        if (errors.Any)
        {
            return errors.ToResult();
        }

        var tier = new Tier { Name = input.Name, Description = input.Description, CreatedAt = time.GetUtcNow().UtcDateTime };
        SyncModels(db, tier, input, models);
        db.Tiers.Add(tier);
        audit.Add(db, "create", EntityType, tier.Id, null, View(tier));
        if (await PolicyWrites.SaveAsync(db, null, ct) is { } refused)
        {
            return refused;
        }

        ETags.Set(response, tier);
        return Results.Created($"/api/v1/tiers/{tier.Id}", View(tier));
    }

    private static async Task<IResult> UpdateAsync(
        Guid id, TierInput input, PlatformDbContext db, AuditLog audit, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        if (await WithModels(db.Tiers).SingleOrDefaultAsync(t => t.Id == id, ct) is not { } tier)
        {
            return Problems.NotFound(EntityType);
        }

        if (ETags.IfMatchFails(request, tier))
        {
            return Problems.PreconditionFailed();
        }

        if (input.Name != tier.Name)
        {
            if (await db.Tiers.AnyAsync(t => t.Name == input.Name, ct))
            {
                return Problems.Conflict($"A tier named '{input.Name}' already exists.");
            }

            if (await References.ToTierNameAsync(db, tier.Name, ct) is { } used)
            {
                return Problems.Conflict($"Tier '{tier.Name}' cannot be renamed: it is {used}.");
            }
        }

        var errors = new FieldErrors();
        var models = await ModelLists.ResolveAsync(db, input.Models, "models", errors, ct);
        if (errors.Any)
        {
            return errors.ToResult();
        }

        var before = View(tier);
        tier.Name = input.Name;
        tier.Description = input.Description;
        SyncModels(db, tier, input, models);

        // The models are rows of their own: mark the tier changed so its ETag moves with them.
        db.Entry(tier).State = EntityState.Modified;
        audit.Add(db, "update", EntityType, tier.Id, before, View(tier));
        var check = RouteChecks.StayServable(db, RouteChecks.UsingTier(tier.Id), $"Changing tier '{tier.Name}'");
        if (await PolicyWrites.SaveAsync(db, check, ct) is { } refused)
        {
            return refused;
        }

        ETags.Set(response, tier);
        return Results.Ok(View(tier));
    }

    private static async Task<IResult> DeleteAsync(Guid id, PlatformDbContext db, AuditLog audit, HttpRequest request, CancellationToken ct)
    {
        if (await WithModels(db.Tiers).SingleOrDefaultAsync(t => t.Id == id, ct) is not { } tier)
        {
            return Problems.NotFound(EntityType);
        }

        if (ETags.IfMatchFails(request, tier))
        {
            return Problems.PreconditionFailed();
        }

        if (await References.ToTierAsync(db, tier.Id, tier.Name, ct) is { } used)
        {
            return Problems.Conflict($"Tier '{tier.Name}' is {used}; change those first.");
        }

        db.Tiers.Remove(tier);
        audit.Add(db, "delete", EntityType, tier.Id, View(tier), null);
        return await PolicyWrites.SaveAsync(db, null, ct) ?? Results.NoContent();
    }

    private static IQueryable<Tier> WithModels(IQueryable<Tier> tiers) => tiers.Include(t => t.Models).ThenInclude(m => m.Model);

    private static void SyncModels(PlatformDbContext db, Tier tier, TierInput input, IReadOnlyDictionary<string, CatalogModel> models) =>
        ModelLists.Sync(
            db, tier.Models, input.Models, models,
            modelOf: m => m.ModelId,
            rank: (m, priority, weight) => (m.Priority, m.Weight) = (priority, weight),
            create: model => new TierModel { TierId = tier.Id, ModelId = model.Id, Model = model });

    public static TierView View(Tier t) => new(
        t.Id, t.Name, t.Description, ModelLists.View(t.Models.Select(m => (m.Model, m.ModelId, m.Priority, m.Weight))), t.CreatedAt);
}
