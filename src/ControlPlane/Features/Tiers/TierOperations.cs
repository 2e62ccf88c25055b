using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Api;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Features.Tiers;

/// <summary>
/// Tiers. Validated by the shared <see cref="TierInputValidator"/>, then every model is resolved in
/// the catalog; a change is refused when a route on the tier could no longer be served under its
/// constraints (checked against the saved rows, see <see cref="PolicyWrites"/>), and a tier that
/// routes or budgets use cannot be deleted or (for budgets, which name it) renamed.
/// </summary>
internal sealed class TierOperations(
    PlatformDbContext db, Caller caller, AuditLog audit, IValidator<TierInput> validator, TimeProvider time) : ITierOperations
{
    private const string What = "tier";

    public async Task<Outcome<Page<TierView>>> ListAsync(string? model, string? name, int? page, int? pageSize, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

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
        return Outcome.Ok(new Page<TierView>([.. rows.Select(View)], paging.PageNumber, paging.PageSize, total));
    }

    public async Task<Outcome<TierView>> GetAsync(Guid id, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        return await WithModels(db.Tiers.AsNoTracking()).SingleOrDefaultAsync(t => t.Id == id, ct) is { } tier
            ? Outcome.Ok(View(tier), ETagOf(tier))
            : Failure.NotFound(What);
    }

    public async Task<Outcome<TierView>> CreateAsync(TierInput input, CancellationToken ct)
    {
        if ((caller.Refuses(Permission.Configure) ?? await InvalidAsync(input, ct)) is { } refusal)
        {
            return refusal;
        }

        if (await db.Tiers.AnyAsync(t => t.Name == input.Name, ct))
        {
            return NameTaken(input.Name);
        }

        var errors = new FieldErrors();
        var models = await ModelLists.ResolveAsync(db, input.Models, "models", errors, ct);
        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var tier = new Tier { Name = input.Name, Description = input.Description, CreatedAt = time.GetUtcNow().UtcDateTime };
        SyncModels(tier, input, models);
        db.Tiers.Add(tier);
        audit.Add(db, "create", What, tier.Id, null, View(tier));
        return await PolicyWrites.TrySaveAsync(db, null, ct) ?? Outcome.Ok(View(tier), ETagOf(tier));
    }

    public async Task<Outcome<TierView>> UpdateAsync(Guid id, TierInput input, string? ifMatch, CancellationToken ct)
    {
        if ((caller.Refuses(Permission.Configure) ?? await InvalidAsync(input, ct)) is { } refusal)
        {
            return refusal;
        }

        var found = await FindAsync(id, ifMatch, ct);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        var tier = found.Value;
        if (input.Name != tier.Name)
        {
            if (await db.Tiers.AnyAsync(t => t.Name == input.Name, ct))
            {
                return NameTaken(input.Name);
            }

            if (await References.ToTierNameAsync(db, tier.Name, ct) is { } used)
            {
                return Failure.Conflict($"Tier '{tier.Name}' cannot be renamed: it is {used}.", nameof(TierInput.Name));
            }
        }

        var errors = new FieldErrors();
        var models = await ModelLists.ResolveAsync(db, input.Models, "models", errors, ct);
        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var before = View(tier);
        tier.Name = input.Name;
        tier.Description = input.Description;
        SyncModels(tier, input, models);

        // The models are rows of their own: mark the tier changed so its ETag moves with them.
        db.Entry(tier).State = EntityState.Modified;
        audit.Add(db, "update", What, tier.Id, before, View(tier));
        var check = RouteChecks.StayServable(db, RouteChecks.UsingTier(tier.Id), $"Changing tier '{tier.Name}'");
        return await PolicyWrites.TrySaveAsync(db, check, ct) ?? Outcome.Ok(View(tier), ETagOf(tier));
    }

    public async Task<Outcome<TierView>> DeleteAsync(Guid id, string? ifMatch, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Configure) is { } refusal)
        {
            return refusal;
        }

        var found = await FindAsync(id, ifMatch, ct);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        var tier = found.Value;
        if (await References.ToTierAsync(db, tier.Id, tier.Name, ct) is { } used)
        {
            return Failure.Conflict($"Tier '{tier.Name}' is {used}; change those first.");
        }

        var view = View(tier);
        db.Tiers.Remove(tier);
        audit.Add(db, "delete", What, tier.Id, view, null);
        return await PolicyWrites.TrySaveAsync(db, null, ct) ?? Outcome.Ok(view);
    }

    public async Task<Outcome<IReadOnlyDictionary<Guid, IReadOnlyList<string>>>> RoutesUsingAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        // A page of tiers is at most Paging.MaxPageSize ids; the cap keeps a crafted call cheap.
        var wanted = ids.Distinct().Take(Paging.MaxPageSize).ToList();
        var routes = await db.Routes.AsNoTracking()
            .Where(r => r.TierId != null && wanted.Contains(r.TierId.Value))
            .Select(r => new { TierId = r.TierId!.Value, r.Name })
            .ToListAsync(ct);
        return Outcome.Ok<IReadOnlyDictionary<Guid, IReadOnlyList<string>>>(wanted.ToDictionary(
            id => id,
            id => (IReadOnlyList<string>)[.. routes.Where(r => r.TierId == id).Select(r => r.Name).Order(StringComparer.Ordinal)]));
    }

    /// <summary>The tracked tier with its models, if it is in the tenant and the caller's If-Match still holds.</summary>
    private async Task<Outcome<Tier>> FindAsync(Guid id, string? ifMatch, CancellationToken ct)
    {
        if (await WithModels(db.Tiers).SingleOrDefaultAsync(t => t.Id == id, ct) is not { } tier)
        {
            return Failure.NotFound(What);
        }

        return ConcurrencyStamps.IfMatchFails(ifMatch, tier.ConcurrencyStamp) ? Failure.PreconditionFailed() : Outcome.Ok(tier);
    }

    private async Task<Failure?> InvalidAsync(TierInput input, CancellationToken ct) =>
        await validator.ValidateAsync(input, ct) is { IsValid: false } result ? Failure.Invalid(result) : null;

    private static Failure NameTaken(string name) => Failure.Conflict($"A tier named '{name}' already exists.", nameof(TierInput.Name));

    private static string ETagOf(Tier tier) => ConcurrencyStamps.ETagOf(tier.ConcurrencyStamp);

    private static IQueryable<Tier> WithModels(IQueryable<Tier> tiers) => tiers.Include(t => t.Models).ThenInclude(m => m.Model);

    private void SyncModels(Tier tier, TierInput input, IReadOnlyDictionary<string, CatalogModel> models) =>
        ModelLists.Sync(
            db, tier.Models, input.Models, models,
            modelOf: m => m.ModelId,
            rank: (m, priority, weight) => (m.Priority, m.Weight) = (priority, weight),
            create: model => new TierModel { TierId = tier.Id, ModelId = model.Id, Model = model });

    private static TierView View(Tier t) => new(
        t.Id, t.Name, t.Description, ModelLists.View(t.Models.Select(m => (m.Model, m.ModelId, m.Priority, m.Weight))), t.CreatedAt);
}
