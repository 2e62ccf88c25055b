using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;
using Platform.Shared.Security;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/keys</c>: data-plane API keys. The secret is generated here, shown once (create,
/// rotate) and stored only as its SHA-256. Revoke and rotate take effect on the data plane within
/// its reload interval (a policy change bumps the tenant's config version).
/// </summary>
internal static class ApiKeyEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/keys").WithTags("API keys");
        keys.MapGet("", ListAsync);
        keys.MapGet("/{id:guid}", GetAsync);
        keys.MapPost("", CreateAsync).Validates<ApiKeyInput>().Requires(Permission.Configure);
        keys.MapPut("/{id:guid}", UpdateAsync).Validates<ApiKeyInput>().Requires(Permission.Configure);
        keys.MapPost("/{id:guid}/rotate", RotateAsync).Requires(Permission.Configure);
        keys.MapPost("/{id:guid}/revoke", RevokeAsync).Requires(Permission.Configure);
    }

    /// <param name="status"><c>active</c>, <c>revoked</c> or <c>expired</c>.</param>
    private static async Task<IResult> ListAsync(
        PlatformDbContext db, TimeProvider time, string? name, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        if (status is not (null or "" or "active" or "revoked" or "expired"))
        {
            return Problems.BadRequest($"Unknown status '{status}'; use active, revoked or expired.");
        }

        var paging = Paging.From(page, pageSize);
        var now = time.GetUtcNow().UtcDateTime;
        var query = db.ApiKeys.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(name))
        {
            query = query.Where(k => k.Name.Contains(name));
        }

        query = status switch
        {
            "active" => query.Where(k => k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now)),
            "revoked" => query.Where(k => k.RevokedAt != null),
            "expired" => query.Where(k => k.RevokedAt == null && k.ExpiresAt != null && k.ExpiresAt <= now),
            _ => query,
        };

        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(k => k.Name).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Results.Ok(new Page<ApiKeyView>([.. rows.Select(View)], paging.PageNumber, paging.PageSize, total));
    }

    private static async Task<IResult> GetAsync(Guid id, PlatformDbContext db, HttpResponse response, CancellationToken ct)
    {
        if (await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id, ct) is not { } key)
        {
            return Problems.NotFound("API key");
        }

        ETags.Set(response, key);
        return Results.Ok(View(key));
    }

    private static async Task<IResult> CreateAsync(
        ApiKeyInput input, PlatformDbContext db, AuditLog audit, TimeProvider time, HttpResponse response, CancellationToken ct)
    {
        if (await db.ApiKeys.AnyAsync(k => k.Name == input.Name, ct))
        {
            return Problems.Conflict($"An API key named '{input.Name}' already exists.");
        }

        var secret = ApiKeySecret.Generate();
        var key = new ApiKey
        {
            Name = input.Name,
            Prefix = ApiKeySecret.PrefixOf(secret),
            Hash = ApiKeySecret.Hash(secret),

            // Set here, not by the save, so the audit entry's "after" has it.
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        Apply(key, input);
        db.ApiKeys.Add(key);
        audit.Add(db, "create", "api_key", key.Id, null, View(key));
        await db.SaveChangesAsync(ct);
        ETags.Set(response, key);
        return Results.Created($"/api/v1/keys/{key.Id}", new ApiKeyWithSecret(View(key), secret));
    }

    private static async Task<IResult> UpdateAsync(
        Guid id, ApiKeyInput input, PlatformDbContext db, AuditLog audit, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        if (await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, ct) is not { } key)
        {
            return Problems.NotFound("API key");
        }

        if (ETags.IfMatchFails(request, key))
        {
            return Problems.PreconditionFailed();
        }

        if (input.Name != key.Name && await db.ApiKeys.AnyAsync(k => k.Name == input.Name, ct))
        {
            return Problems.Conflict($"An API key named '{input.Name}' already exists.");
        }

        var before = View(key);
        key.Name = input.Name;
        Apply(key, input);
        return await TrySaveAsync(db, audit, "update", key, before, response, ct) ? Results.Ok(View(key)) : Problems.PreconditionFailed();
    }

    private static async Task<IResult> RotateAsync(Guid id, PlatformDbContext db, AuditLog audit, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        if (await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, ct) is not { } key)
        {
            return Problems.NotFound("API key");
        }

        if (ETags.IfMatchFails(request, key))
        {
            return Problems.PreconditionFailed();
        }

        if (key.RevokedAt is not null)
        {
            return Problems.Conflict("A revoked key cannot be rotated; create a new one.");
        }

        var before = View(key);
        var secret = ApiKeySecret.Generate();
        key.Prefix = ApiKeySecret.PrefixOf(secret);
        key.Hash = ApiKeySecret.Hash(secret);
        return await TrySaveAsync(db, audit, "rotate", key, before, response, ct)
            ? Results.Ok(new ApiKeyWithSecret(View(key), secret))
            : Problems.PreconditionFailed();
    }

    private static async Task<IResult> RevokeAsync(
        Guid id, PlatformDbContext db, AuditLog audit, TimeProvider time, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        if (await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, ct) is not { } key)
        {
            return Problems.NotFound("API key");
        }

        if (ETags.IfMatchFails(request, key))
        {
            return Problems.PreconditionFailed();
        }

        if (key.RevokedAt is not null)
        {
            ETags.Set(response, key);
            return Results.Ok(View(key));
        }

        var before = View(key);
        key.RevokedAt = time.GetUtcNow().UtcDateTime;
        return await TrySaveAsync(db, audit, "revoke", key, before, response, ct) ? Results.Ok(View(key)) : Problems.PreconditionFailed();
    }

    /// <returns>False when the row changed since it was read (the concurrency stamp moved).</returns>
    private static async Task<bool> TrySaveAsync(
        PlatformDbContext db, AuditLog audit, string action, ApiKey key, ApiKeyView before, HttpResponse response, CancellationToken ct)
    {
        audit.Add(db, action, "api_key", key.Id, before, View(key));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }

        ETags.Set(response, key);
        return true;
    }

    private static void Apply(ApiKey key, ApiKeyInput input)
    {
        key.AllowedEndpoints = [.. input.Endpoints];
        key.AllowedRoutes = [.. input.Routes];
        key.AllowedModels = [.. input.Models];
        key.RequestsPerMinute = input.RequestsPerMinute;
        key.TokensPerMinute = input.TokensPerMinute;
        key.ExpiresAt = input.ExpiresAt;
    }

    public static ApiKeyView View(ApiKey k) => new(
        k.Id, k.Name, k.Prefix, k.AllowedEndpoints, k.AllowedRoutes, k.AllowedModels,
        k.RequestsPerMinute, k.TokensPerMinute, k.ExpiresAt, k.RevokedAt, k.LastUsedAt, k.CreatedAt);
}
