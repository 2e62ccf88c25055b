using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Api;
using Platform.Shared.Config;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Features.Routes;

/// <summary>
/// Task routes. A write is validated by the shared <see cref="RouteInputValidator"/>, then checked
/// as a whole by <see cref="RouteTargets"/> (every tier, model, fallback policy and prompt it names
/// exists; some model it can fall back to meets its constraints) before anything is saved. Reads
/// and the dry run are open to every role; writes need <see cref="Permission.Configure"/>.
/// </summary>
internal sealed class RouteOperations(
    PlatformDbContext db, Caller caller, AuditLog audit, IValidator<RouteInput> validator, IValidator<DryRunInput> dryRunValidator, TimeProvider time)
    : IRouteOperations
{
    private const string What = "route";

    public async Task<Outcome<Page<RouteView>>> ListAsync(RouteQuery query, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        var routes = db.Routes.AsNoTracking();
        if (!string.IsNullOrEmpty(query.Tier))
        {
            routes = routes.Where(r => r.Tier!.Name == query.Tier);
        }

        if (!string.IsNullOrEmpty(query.Model))
        {
            var model = query.Model;
            routes = routes.Where(r => r.Candidates.Any(c => c.Model!.Name == model) || (r.Tier != null && r.Tier.Models.Any(m => m.Model!.Name == model)));
        }

        if (!string.IsNullOrEmpty(query.FallbackPolicy))
        {
            routes = routes.Where(r => r.FallbackPolicy!.Name == query.FallbackPolicy);
        }

        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            routes = routes.Where(r => r.Name.Contains(query.Name));
        }

        var paging = Paging.From(query.Page, query.PageSize);
        var total = await routes.CountAsync(ct);
        var rows = await WithReferences(routes).OrderBy(r => r.Name).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Outcome.Ok(new Page<RouteView>([.. rows.Select(View)], paging.PageNumber, paging.PageSize, total));
    }

    public async Task<Outcome<RouteView>> GetAsync(Guid id, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        return await WithReferences(db.Routes.AsNoTracking()).SingleOrDefaultAsync(r => r.Id == id, ct) is { } route
            ? Outcome.Ok(View(route), ETagOf(route))
            : Failure.NotFound(What);
    }

    public async Task<Outcome<RouteView>> CreateAsync(RouteInput input, CancellationToken ct)
    {
        if ((caller.Refuses(Permission.Configure) ?? await InvalidAsync(input, ct)) is { } refusal)
        {
            return refusal;
        }

        if (await db.Routes.AnyAsync(r => r.Name == input.Name, ct))
        {
            return NameTaken(input.Name);
        }

        var (targets, invalid) = await RouteTargets.ResolveAsync(db, input, ct);
        if (invalid is not null)
        {
            return invalid;
        }

        var route = new TaskRoute { Name = input.Name, CreatedAt = time.GetUtcNow().UtcDateTime };
        Apply(route, input, targets!);
        db.Routes.Add(route);
        audit.Add(db, "create", What, route.Id, null, View(route));
        return await PolicyWrites.TrySaveAsync(db, null, ct) ?? Outcome.Ok(View(route), ETagOf(route));
    }

    public async Task<Outcome<RouteView>> UpdateAsync(Guid id, RouteInput input, string? ifMatch, CancellationToken ct)
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

        var route = found.Value;
        if (input.Name != route.Name)
        {
            if (await db.Routes.AnyAsync(r => r.Name == input.Name, ct))
            {
                return NameTaken(input.Name);
            }

            if (await References.ToRouteNameAsync(db, route.Name, ct) is { } used)
            {
                return Failure.Conflict($"Route '{route.Name}' cannot be renamed: it is {used}.", nameof(RouteInput.Name));
            }
        }

        var (targets, invalid) = await RouteTargets.ResolveAsync(db, input, ct);
        if (invalid is not null)
        {
            return invalid;
        }

        var before = View(route);
        route.Name = input.Name;
        Apply(route, input, targets!);

        // The candidates are rows of their own: mark the route changed so its ETag moves with them.
        db.Entry(route).State = EntityState.Modified;
        audit.Add(db, "update", What, route.Id, before, View(route));
        return await PolicyWrites.TrySaveAsync(db, null, ct) ?? Outcome.Ok(View(route), ETagOf(route));
    }

    public async Task<Outcome<RouteView>> DeleteAsync(Guid id, string? ifMatch, CancellationToken ct)
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

        var route = found.Value;
        if (await References.ToRouteNameAsync(db, route.Name, ct) is { } used)
        {
            return Failure.Conflict($"Route '{route.Name}' is {used}; change their scopes first.");
        }

        var view = View(route);
        db.Routes.Remove(route);
        audit.Add(db, "delete", What, route.Id, view, null);
        return await PolicyWrites.TrySaveAsync(db, null, ct) ?? Outcome.Ok(view);
    }

    public async Task<Outcome<IReadOnlyList<ModelView>>> ChainModelsAsync(IReadOnlyCollection<string> names, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        // A page of routes names a few dozen models at most; the cap keeps a crafted call cheap.
        var wanted = names.Distinct(StringComparer.Ordinal).Take(500).ToList();
        var models = await db.Models.AsNoTracking().Include(m => m.Provider).Where(m => wanted.Contains(m.Name)).OrderBy(m => m.Name).ToListAsync(ct);
        return Outcome.Ok<IReadOnlyList<ModelView>>([.. models.Select(ModelEndpoints.View)]);
    }

    public async Task<Outcome<DryRunResult>> DryRunAsync(DryRunInput input, CancellationToken ct)
    {
        if ((caller.Refuses(Permission.Read)
            ?? (await dryRunValidator.ValidateAsync(input, ct) is { IsValid: false } result ? Failure.Invalid(result) : null)) is { } refusal)
        {
            return refusal;
        }

        var (plan, notFound) = await RouteDryRun.RunAsync(db, input, ct);
        return plan is not null
            ? Outcome.Ok(plan)
            : new Failure(OutcomeStatus.NotFound, notFound ?? "Nothing by that name in this tenant.", new Dictionary<string, string[]>());
    }

    /// <summary>The tracked route with its references, if it is in the tenant and the caller's If-Match still holds.</summary>
    private async Task<Outcome<TaskRoute>> FindAsync(Guid id, string? ifMatch, CancellationToken ct)
    {
        if (await WithReferences(db.Routes).SingleOrDefaultAsync(r => r.Id == id, ct) is not { } route)
        {
            return Failure.NotFound(What);
        }

        return ConcurrencyStamps.IfMatchFails(ifMatch, route.ConcurrencyStamp) ? Failure.PreconditionFailed() : Outcome.Ok(route);
    }

    private async Task<Failure?> InvalidAsync(RouteInput input, CancellationToken ct) =>
        await validator.ValidateAsync(input, ct) is { IsValid: false } result ? Failure.Invalid(result) : null;

    private static Failure NameTaken(string name) =>
        Failure.Conflict($"A route named '{name}' already exists.", nameof(RouteInput.Name));

    private static string ETagOf(TaskRoute route) => ConcurrencyStamps.ETagOf(route.ConcurrencyStamp);

    private static IQueryable<TaskRoute> WithReferences(IQueryable<TaskRoute> routes) =>
        routes.Include(r => r.Tier).Include(r => r.FallbackPolicy).Include(r => r.Candidates).ThenInclude(c => c.Model);

    private void Apply(TaskRoute route, RouteInput input, RouteTargets targets)
    {
        route.Description = input.Description;
        route.Tier = targets.Tier;
        route.TierId = targets.Tier?.Id;
        ModelLists.Sync(
            db, route.Candidates, input.Candidates, targets.Models,
            modelOf: c => c.ModelId,
            rank: (c, priority, weight) => (c.Priority, c.Weight) = (priority, weight),
            create: model => new RouteCandidate { RouteId = route.Id, ModelId = model.Id, Model = model });
        route.Strategy = ConfigVocabulary.Strategies.Parse(input.Strategy);
        route.HedgeAfterMs = input.HedgeAfterMs;
        route.FallbackPolicy = targets.Policy;
        route.FallbackPolicyId = targets.Policy?.Id;
        route.RequiredRegion = input.Constraints.Region;
        route.CustomerFacing = input.Constraints.CustomerFacing;
        route.Sensitivity = targets.Sensitivity;
        route.PromptName = input.Prompt?.Name;
        route.PromptLabel = input.Prompt?.Label;
        route.CacheEnabled = input.Cache.Enabled;
        route.CacheTtlSeconds = input.Cache.TtlSeconds;
    }

    private static RouteView View(TaskRoute r) => new(
        r.Id,
        r.Name,
        r.Description,
        r.Tier?.Name,
        ModelLists.View(r.Candidates.Select(c => (c.Model, c.ModelId, c.Priority, c.Weight))),
        ConfigVocabulary.Strategies.NameOf(r.Strategy),
        r.HedgeAfterMs,
        r.FallbackPolicy?.Name,
        new RouteConstraints(r.RequiredRegion, r.CustomerFacing, ConfigVocabulary.Sensitivities.NameOf(r.Sensitivity)),
        r.PromptName is { } prompt ? new RoutePrompt(prompt, r.PromptLabel) : null,
        new RouteCache(r.CacheEnabled, r.CacheTtlSeconds),
        r.CreatedAt);
}
