using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.Shared.Config;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/routes</c>: task routes. A write is checked as a whole before anything is saved: every
/// tier, model, fallback policy and prompt (label) it names must exist, and at least one model it
/// can fall back to must meet the route's own constraints (region, customer-facing, private-only).
/// </summary>
internal static class RouteEndpoints
{
    private const string EntityType = "route";

    public static void Map(RouteGroupBuilder api)
    {
        var routes = api.MapGroup("/routes").WithTags("Routes");
        routes.MapGet("", ListAsync);
        routes.MapGet("/{id:guid}", GetAsync);
        routes.MapPost("", CreateAsync).Validates<RouteInput>().Requires(Permission.Configure);
        routes.MapPut("/{id:guid}", UpdateAsync).Validates<RouteInput>().Requires(Permission.Configure);
        routes.MapDelete("/{id:guid}", DeleteAsync).Requires(Permission.Configure);
    }

    /// <param name="tier">Routes on this tier.</param>
    /// <param name="model">Routes listing this model as a candidate or through their tier.</param>
    /// <param name="fallbackPolicy">Routes using this fallback policy.</param>
    /// <param name="name">Part of the name.</param>
    private static async Task<IResult> ListAsync(
        PlatformDbContext db, string? tier, string? model, string? fallbackPolicy, string? name, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Routes.AsNoTracking();
        if (!string.IsNullOrEmpty(tier))
        {
            query = query.Where(r => r.Tier!.Name == tier);
        }

        if (!string.IsNullOrEmpty(model))
        {
            query = query.Where(r => r.Candidates.Any(c => c.Model!.Name == model) || (r.Tier != null && r.Tier.Models.Any(m => m.Model!.Name == model)));
        }

        if (!string.IsNullOrEmpty(fallbackPolicy))
        {
            query = query.Where(r => r.FallbackPolicy!.Name == fallbackPolicy);
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            query = query.Where(r => r.Name.Contains(name));
        }

        var paging = Paging.From(page, pageSize);
        var total = await query.CountAsync(ct);
        var rows = await WithReferences(query).OrderBy(r => r.Name).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Results.Ok(new Page<RouteView>([.. rows.Select(View)], paging.PageNumber, paging.PageSize, total));
    }

    private static async Task<IResult> GetAsync(Guid id, PlatformDbContext db, HttpResponse response, CancellationToken ct)
    {
        if (await WithReferences(db.Routes.AsNoTracking()).SingleOrDefaultAsync(r => r.Id == id, ct) is not { } route)
        {
            return Problems.NotFound(EntityType);
        }

        ETags.Set(response, route);
        return Results.Ok(View(route));
    }

    private static async Task<IResult> CreateAsync(
        RouteInput input, PlatformDbContext db, AuditLog audit, TimeProvider time, HttpResponse response, CancellationToken ct)
    {
        if (await db.Routes.AnyAsync(r => r.Name == input.Name, ct))
        {
            return Problems.Conflict($"A route named '{input.Name}' already exists.");
        }

        var (targets, invalid) = await RouteTargets.ResolveAsync(db, input, ct);
        if (invalid is not null)
        {
            return invalid;
        }

        var route = new TaskRoute { Name = input.Name, CreatedAt = time.GetUtcNow().UtcDateTime };
        Apply(db, route, input, targets!);
        db.Routes.Add(route);
        audit.Add(db, "create", EntityType, route.Id, null, View(route));
        if (await PolicyWrites.SaveAsync(db, null, ct) is { } refused)
        {
            return refused;
        }

        ETags.Set(response, route);
        return Results.Created($"/api/v1/routes/{route.Id}", View(route));
    }

    private static async Task<IResult> UpdateAsync(
        Guid id, RouteInput input, PlatformDbContext db, AuditLog audit, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        if (await WithReferences(db.Routes).SingleOrDefaultAsync(r => r.Id == id, ct) is not { } route)
        {
            return Problems.NotFound(EntityType);
        }

        if (ETags.IfMatchFails(request, route))
        {
            return Problems.PreconditionFailed();
        }

        if (input.Name != route.Name)
        {
            if (await db.Routes.AnyAsync(r => r.Name == input.Name, ct))
            {
                return Problems.Conflict($"A route named '{input.Name}' already exists.");
            }

            if (await References.ToRouteNameAsync(db, route.Name, ct) is { } used)
            {
                return Problems.Conflict($"Route '{route.Name}' cannot be renamed: it is {used}.");
            }
        }

        var (targets, invalid) = await RouteTargets.ResolveAsync(db, input, ct);
        if (invalid is not null)
        {
            return invalid;
        }

        var before = View(route);
        route.Name = input.Name;
        Apply(db, route, input, targets!);

        // The candidates are rows of their own: mark the route changed so its ETag moves with them.
        db.Entry(route).State = EntityState.Modified;
        audit.Add(db, "update", EntityType, route.Id, before, View(route));
        if (await PolicyWrites.SaveAsync(db, null, ct) is { } refused)
        {
            return refused;
        }

        ETags.Set(response, route);
        return Results.Ok(View(route));
    }

    private static async Task<IResult> DeleteAsync(Guid id, PlatformDbContext db, AuditLog audit, HttpRequest request, CancellationToken ct)
    {
        if (await WithReferences(db.Routes).SingleOrDefaultAsync(r => r.Id == id, ct) is not { } route)
        {
            return Problems.NotFound(EntityType);
        }

        if (ETags.IfMatchFails(request, route))
        {
            return Problems.PreconditionFailed();
        }

        if (await References.ToRouteNameAsync(db, route.Name, ct) is { } used)
        {
            return Problems.Conflict($"Route '{route.Name}' is {used}; change their scopes first.");
        }

        db.Routes.Remove(route);
        audit.Add(db, "delete", EntityType, route.Id, View(route), null);
        return await PolicyWrites.SaveAsync(db, null, ct) ?? Results.NoContent();
    }

    private static IQueryable<TaskRoute> WithReferences(IQueryable<TaskRoute> routes) =>
        routes.Include(r => r.Tier).Include(r => r.FallbackPolicy).Include(r => r.Candidates).ThenInclude(c => c.Model);

    private static void Apply(PlatformDbContext db, TaskRoute route, RouteInput input, RouteTargets targets)
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

    public static RouteView View(TaskRoute r) => new(
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
